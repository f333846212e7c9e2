import type { z } from 'zod';
import { actOf, type CallAct } from '../../shared/contract/channel-effects';
import { CHANNELS, isChannelName, type Access, type ChannelName } from '../../shared/contract/channels';
import type { User } from '../../shared/domain/user';
import { AppFailure, err, ok, type AppError, type Result } from '../../shared/result';
import type { ActRunner, ActSpec, Actor } from './act';
import type { HandlerContext, HandlerEntry, Handlers } from './handler-kit';
import { FAST_REQUEST_PARSERS } from './fast-requests';
import type { Logger } from './logger';
import { classifyStorageFault, errorCodeOf, type StorageFault } from './storage-fault';

/** English text for the log and for callers without the renderer's catalogue; the renderer words these itself. */
const FAULT_LOG_TEXT: Record<StorageFault | 'internal', string> = {
  storage_full: 'the disk is full',
  storage_read_only: 'the data file or its folder is read-only',
  storage_io: 'the disk reported an input/output error',
  storage_busy: 'the data file is locked by another program',
  storage_damaged: 'the data file is damaged',
  internal: 'an unexpected error (see the log)',
};

/** A failure that is not the caller's: named for what it is, and honest about whether anything could have been saved. */
export function faultError(error: unknown, act: CallAct): AppError {
  const code = classifyStorageFault(error) ?? 'internal';
  const outcome = act === 'write' ? 'nothing was saved' : 'nothing was changed; what is saved can still be viewed';
  return { code, message: `Vigil could not complete this: ${FAULT_LOG_TEXT[code]}; ${outcome}.`, params: { act } };
}

function describeZodIssue(issue: z.core.$ZodIssue | undefined): AppError {
  // An unknown key is reported on its parent; name the key itself as the field.
  const path = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : (issue?.path ?? []);
  const field = path.length > 0 ? path.map(String).join('.') : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid request';
  return { code: 'invalid_request', message, ...(field ? { field } : {}), ...catalogueEntryOf(issue) };
}

/** A refinement of the contract's own (shared/domain/common.ts) names its sub-code and values for the renderer's catalogue. */
function catalogueEntryOf(issue: z.core.$ZodIssue | undefined): Pick<AppError, 'reason' | 'params'> {
  if (issue?.code !== 'custom' || typeof issue.params?.reason !== 'string') return {};
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(issue.params)) if (key !== 'reason' && (typeof value === 'string' || typeof value === 'number')) params[key] = value;
  return { reason: issue.params.reason, params };
}

/** The first refused field as the error, and every other refused field (its first problem) in `also`: a form marks them all in one answer. */
export function describeZodError(error: z.ZodError): AppError {
  const perField = new Map<string, AppError>();
  for (const issue of error.issues) {
    const described = describeZodIssue(issue);
    const key = described.field ?? '';
    if (!perField.has(key)) perField.set(key, described);
  }
  const [first = describeZodIssue(undefined), ...also] = perField.values();
  return also.length === 0 ? first : { ...first, also };
}

function accessError(access: Access, user: User | null, channel: string): AppError | null {
  if (access === 'public') return null;
  if (!user) return { code: 'not_signed_in', message: `Sign in to use ${channel}` };
  if (access === 'signedIn') return null;
  if (user.roles.some((role) => access.includes(role))) return null;
  return { code: 'forbidden', message: `${channel} needs the role ${access.join(' or ')}`, params: { roles: access.join(',') } };
}

/** Whether a request holds a PIN anywhere (most do not: they are kept as they are, without a copy). */
function holdsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (value && typeof value === 'object') {
    for (const key in value) if (key === 'pin' || holdsSecret((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** A request as the audit trail keeps it: every PIN (and one-time code) removed. */
export function redactSecrets(value: unknown): unknown {
  return holdsSecret(value) ? withoutSecrets(value) : value;
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'pin').map(([key, inner]) => [key, withoutSecrets(inner)]));
  }
  return value;
}

/** Who the audit names for a call: the signed-in user, or the name a sign-in tried. */
function actorOf(ctx: HandlerContext, request: unknown): Actor {
  if (ctx.user) return { userId: ctx.user.id, name: ctx.user.username };
  const tried = request && typeof request === 'object' && 'username' in request ? String(request.username) : 'anonymous';
  return { userId: null, name: tried };
}

/** What a window signed in with a one-time code may do: choose its PIN, or leave. */
const OPEN_WHILE_CHOOSING_PIN: ReadonlySet<ChannelName> = new Set(['auth/choosePin', 'auth/status', 'auth/signOut', 'auth/signIn']);

/** What a locked window may call: its lock screen (the chairs' alarms), unlocking or switching, and leaving. */
const OPEN_WHILE_LOCKED: ReadonlySet<ChannelName> = new Set(['auth/status', 'auth/switchUser', 'auth/lock', 'auth/signOut', 'auth/signIn', 'lock/chairs']);

/** How long a repeated opening of the same record by the same window counts as the same view. */
export const VIEW_COALESCE_MS = 10 * 60_000;

export interface DispatchOptions {
  /**
   * Check every response against the contract's response schema (tests). Off in the app:
   * the write has already committed, and reporting it as failed would invite a re-entry.
   */
  checkResponses?: boolean;
}

/**
 * The single entry for every call, whatever the transport: unknown channel, access, request
 * shape, then the handler. A `write` or `view` call runs as one act (its writes and its
 * audit entry in one transaction, events after the commit). Every outcome is a Result
 * value; nothing is thrown to the caller.
 */
export function createDispatcher(handlers: Handlers, acts: ActRunner, logger: Logger, options: DispatchOptions = {}) {
  /**
   * A record opened is recorded as a view. When the disk cannot take the entry (full,
   * read-only, failing) the nurse still sees the record: reading must outlast the disk.
   * The unrecorded view is logged instead.
   */
  function viewRecorded(act: ActSpec, run: () => unknown): unknown {
    try {
      return acts.run(act, run);
    } catch (error) {
      const fault = classifyStorageFault(error);
      if (!fault) throw error;
      logger.error('view not recorded in the audit trail', { channel: act.channel, fault });
      return run();
    }
  }

  return async function dispatch(ctx: HandlerContext, channel: unknown, request: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) return err({ code: 'unknown_channel', message: `Unknown channel ${String(channel)}` });
    const spec = CHANNELS[channel];
    const denied = accessError(spec.access, ctx.user, channel);
    if (denied) return err(denied);
    if (ctx.locked && !OPEN_WHILE_LOCKED.has(channel)) {
      return err({ code: 'workstation_locked', message: `The workstation is locked: enter a PIN to use ${channel}` });
    }
    if (ctx.mustChoosePin && !OPEN_WHILE_CHOOSING_PIN.has(channel)) {
      return err({ code: 'pin_change_required', message: `Choose your own PIN before using ${channel}` });
    }
    // A hot channel's plainly valid request is parsed without zod; anything else gets zod's answer and error.
    const plain = FAST_REQUEST_PARSERS[channel]?.(request ?? {});
    const parsed = plain !== undefined ? { success: true as const, data: plain } : spec.request.safeParse(request ?? {});
    if (!parsed.success) return err(describeZodError(parsed.error));
    try {
      const entry = handlers[channel] as HandlerEntry<ChannelName>;
      const handler = typeof entry === 'function' ? { prepare: null, run: entry } : entry;
      const prepared: unknown = handler.prepare ? await handler.prepare(ctx, parsed.data as never) : undefined;
      const run = () => (handler.run as (ctx: HandlerContext, request: unknown, prepared: unknown) => unknown)(ctx, parsed.data, prepared);
      const detail = redactSecrets(parsed.data) as Record<string, unknown>;
      const audited = spec.audit === 'write' || (spec.audit === 'view' && ctx.firstViewIn(`${channel} ${JSON.stringify(detail)}`, VIEW_COALESCE_MS));
      const act = { actor: () => actorOf(ctx, parsed.data), channel, kind: spec.audit === 'view' ? ('view' as const) : ('write' as const), detail };
      const value = !audited ? run() : spec.audit === 'view' ? viewRecorded(act, run) : acts.run(act, run);
      if (options.checkResponses) {
        const checked = spec.response.safeParse(value);
        if (!checked.success) throw new Error(`Response of ${channel} breaks the contract: ${describeZodError(checked.error).message}`);
      }
      return ok(value);
    } catch (error) {
      if (error instanceof AppFailure) return err(error.appError);
      const fault = faultError(error, actOf(channel));
      logger.error('channel failed', { channel, fault: fault.code, code: errorCodeOf(error), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return err(fault);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
export type { ChannelName };
