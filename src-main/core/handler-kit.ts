import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract/channels';
import type { Phase } from '../../shared/domain/phase';
import type { Session } from '../../shared/domain/session';
import type { User } from '../../shared/domain/user';
import { fail } from '../../shared/result';
import type { AuthStatus } from '../../shared/domain/views';
import type { ConnectionGuard } from './services/users';

/** What every contract handler is given and may use: the window's context, the staged (prepare, then run) form, and the guards they share. */
export interface HandlerContext {
  /** The signed-in user; the dispatcher has already checked the channel's access rule. */
  user: User | null;
  /** Signed in with a one-time code: only auth/choosePin (and status, sign-out) until a PIN is chosen. */
  mustChoosePin: boolean;
  /** This window's count of wrong PINs (the per-connection lockout). */
  guard: ConnectionGuard;
  /** The workstation is locked: the user stays signed in; only the lock screen's calls reach a handler. */
  readonly locked: boolean;
  /** Who was at this window before a quick switch. */
  readonly handBackTo: User | null;
  signIn(user: User, options?: { mustChoosePin?: boolean }): void;
  signOut(): void;
  lock(): void;
  /** A quick switch (or an unlock, when `user` is the one signed in): the window stays, its user changes. */
  switchTo(user: User): void;
  /** This window's sign-in as auth/status answers it. */
  status(): AuthStatus;
  /** True the first time this window opens a record within `windowMs` (repeated openings make one view entry). */
  firstViewIn(key: string, windowMs: number): boolean;
}

/**
 * A handler runs synchronously inside its act (one transaction). Work that must await
 * (hashing a PIN) goes in `prepare`, which runs first, outside the transaction; `run`
 * gets its result.
 */
type Run<C extends ChannelName> = (ctx: HandlerContext, request: ParsedRequestOf<C>) => ResponseOf<C>;
export interface Staged<C extends ChannelName, P> {
  prepare(ctx: HandlerContext, request: ParsedRequestOf<C>): Promise<P>;
  run(ctx: HandlerContext, request: ParsedRequestOf<C>, prepared: P): ResponseOf<C>;
}
// The prepared value's type is private to each channel's pair; `never` accepts every `run`.
type AnyStaged<C extends ChannelName> = { prepare(ctx: HandlerContext, request: ParsedRequestOf<C>): Promise<unknown>; run(ctx: HandlerContext, request: ParsedRequestOf<C>, prepared: never): ResponseOf<C> };
export type HandlerEntry<C extends ChannelName> = Run<C> | AnyStaged<C>;
export type Handlers = { [C in ChannelName]: HandlerEntry<C> };

export function staged<C extends ChannelName, P>(handler: Staged<C, P>): AnyStaged<C> {
  return handler as AnyStaged<C>;
}

/** The signed-in user of a channel that requires one. */
export function who(ctx: HandlerContext): User {
  if (!ctx.user) throw new Error('handler reached without a signed-in user');
  return ctx.user;
}

export function requirePhase(session: Session, phases: readonly Phase[], what: string): void {
  if (!phases.includes(session.phase)) {
    fail({
      code: 'invalid_transition',
      message: `${what} is not possible while the session is ${session.phase}`,
      field: 'sessionId',
      reason: 'wrong_phase',
      params: { phase: session.phase },
    });
  }
}
