import type { Database } from 'better-sqlite3';
import { AppFailure } from '../../shared/result';
import type { AuditKind } from './audit/chain';
import type { AuditLog } from './audit/audit-log';
import type { Clock } from './clock';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';

export interface Actor {
  userId: number | null;
  /** Username (or the one tried, for a failed sign-in), or `system`. */
  name: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system' };

export interface ActSpec {
  /** Read at commit, so a sign-in's entry names the user it signed in. */
  actor: Actor | (() => Actor);
  channel: string;
  kind: AuditKind;
  /** What the act was asked (secrets already removed). */
  detail: Record<string, unknown>;
}

export interface ActRunner {
  /**
   * Runs `work` as one act: its writes and its audit entry in ONE transaction, its events
   * sent only after the commit. A failure rolls everything back, unless it is an AppFailure
   * marked `commitWrites` (a failed sign-in's counter and entry must stay). An act started
   * inside another joins it.
   */
  run<T>(spec: ActSpec, work: () => T): T;
  /** After each committed entry (the head file is rewritten). */
  onCommitted(listener: (head: { seq: number; hash: string; at: number }) => void): void;
  /** After an act rolled back (in-memory state built during it must be dropped). */
  onRolledBack(listener: () => void): void;
  /** After every act, committed or rolled back: its transaction has ended. */
  onEnded(listener: () => void): void;
  /**
   * In-memory state changed inside the current act (a window signed in or out) is put back
   * by `undo` if the act rolls back, so nothing of a failed act stays, in the file or in
   * memory. Outside an act the change simply stands.
   */
  undoOnRollback(undo: () => void): void;
  /** Runs `work` once the current act has committed (never if it rolls back); outside an act, at once. */
  afterCommit(work: () => void): void;
  readonly inAct: boolean;
}

/** Checked at the start of every act, inside its transaction; what it throws refuses the act (db/schema-check.ts). */
export interface ActGuard {
  check(): void;
}

export function createActRunner(db: Database, audit: AuditLog, bus: EventBus, clock: Clock, logger: Logger, guard?: ActGuard): ActRunner {
  let depth = 0;
  // Prepared once: db.exec parses the statement on every act (about 1.5 µs each for BEGIN and COMMIT after an idle moment).
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commitStatement = db.prepare('COMMIT');
  const rollbackStatement = db.prepare('ROLLBACK');
  const committedListeners: ((head: { seq: number; hash: string; at: number }) => void)[] = [];
  const rolledBackListeners: (() => void)[] = [];
  const endedListeners: (() => void)[] = [];
  const ended = () => {
    for (const listener of endedListeners) listener();
  };
  let undos: (() => void)[] = [];
  let afterCommits: (() => void)[] = [];

  function rollback(): void {
    if (db.inTransaction) rollbackStatement.run();
    audit.actRolledBack();
    bus.release(false);
    for (const undo of undos.reverse()) undo();
    undos = [];
    afterCommits = [];
    for (const listener of rolledBackListeners) listener();
    ended();
  }

  /** Appends the entry and commits; on any failure here nothing of the act stays. */
  function commit(spec: ActSpec, outcome: string): void {
    let head: { seq: number; hash: string; at: number } | null = null;
    try {
      const at = clock.now();
      const actor = typeof spec.actor === 'function' ? spec.actor() : spec.actor;
      const entry = audit.append({ at, actorUserId: actor.userId, actor: actor.name, channel: spec.channel, kind: spec.kind, outcome, detail: spec.detail });
      head = entry ? { seq: entry.seq, hash: entry.hash, at } : null;
      commitStatement.run();
    } catch (error) {
      rollback();
      throw error;
    }
    undos = [];
    ended();
    const committedWork = afterCommits;
    afterCommits = [];
    bus.release(true);
    for (const work of committedWork) queueMicrotask(work);
    if (!head) return;
    for (const listener of committedListeners) {
      try {
        listener(head);
      } catch (error) {
        // The act is committed; a head file that could not be written is reported, not turned into a failed call.
        logger.error('after-commit step failed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  return {
    get inAct() {
      return depth > 0;
    },
    onCommitted(listener) {
      committedListeners.push(listener);
    },
    onRolledBack(listener) {
      rolledBackListeners.push(listener);
    },
    onEnded(listener) {
      endedListeners.push(listener);
    },
    undoOnRollback(undo) {
      if (depth > 0) undos.push(undo);
    },
    afterCommit(work) {
      if (depth > 0) afterCommits.push(work);
      else queueMicrotask(work);
    },
    run(spec, work) {
      if (depth > 0) return work();
      begin.run();
      try {
        guard?.check();
      } catch (error) {
        rollbackStatement.run();
        throw error;
      }
      audit.actStarted();
      bus.hold();
      let value: ReturnType<typeof work>;
      depth += 1;
      try {
        value = work();
      } catch (error) {
        depth -= 1;
        if (error instanceof AppFailure && error.commitWrites && db.inTransaction) {
          commit(spec, error.appError.code);
        } else {
          rollback();
        }
        throw error;
      }
      depth -= 1;
      commit(spec, 'ok');
      return value;
    },
  };
}
