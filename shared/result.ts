/**
 * The only shape a contract call returns. A failure is a value, never a thrown crash:
 * `code` is stable and translatable, `message` is for logs, `field` names the offending
 * input and `params` carry the numbers the message needs (limit, unit).
 */
export type ErrorCode =
  | 'invalid_request'
  | 'unknown_channel'
  | 'not_signed_in'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'value_out_of_range'
  | 'needs_confirmation'
  /** Allowed only with a documented override (a reason, and the role the override needs). */
  | 'override_required'
  /** Something the step depends on is missing; `params.unmet` lists what, comma-separated. */
  | 'precondition_failed'
  | 'bad_credentials'
  | 'setup_already_done'
  /** The disk holding the data file is full. `params.act` says whether a write or a read failed. */
  | 'storage_full'
  /** The data file or its folder became read-only (or lost its permissions). */
  | 'storage_read_only'
  /** The disk reported an input/output error: it may be failing. */
  | 'storage_io'
  /** Another program holds the data file locked. */
  | 'storage_busy'
  /** SQLite found damaged pages (or a file that is not a database). */
  | 'storage_damaged'
  /** Too many wrong PINs: the account (or this connection) is locked for `params.minutes`. */
  | 'locked'
  /** The workstation is locked (by hand or after the clinic's idle time): a PIN unlocks it or switches user. */
  | 'workstation_locked'
  /** Signed in with a one-time code: only choosing a PIN is possible until then. */
  | 'pin_change_required'
  | 'internal'
  /** Client side: the link to main dropped before an answer came; the call may or may not have been saved. */
  | 'connection_lost'
  /** Client side: the link to main is down (reconnecting); the call was not sent, nothing was saved. */
  | 'not_connected';

export interface AppError {
  code: ErrorCode;
  message: string;
  field?: string;
  /** A stable sub-code for the renderer's message catalogue (`errors.reason.<reason>`). */
  reason?: string;
  params?: Record<string, string | number>;
  /** A refused request's other refused fields, one error each, so a form can mark them all at once. */
  also?: AppError[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(error: AppError): Result<T> {
  return { ok: false, error };
}

/** A failure raised inside core services; the dispatcher turns it into an error value. */
export class AppFailure extends Error {
  readonly appError: AppError;
  /** Keep the act's writes although the call fails (a failed sign-in's counter and audit entry). */
  readonly commitWrites: boolean;
  constructor(appError: AppError, options: { commitWrites?: boolean } = {}) {
    super(appError.message);
    this.name = 'AppFailure';
    this.appError = appError;
    this.commitWrites = options.commitWrites ?? false;
  }
}

export function fail(error: AppError): never {
  throw new AppFailure(error);
}

/** Fails the call but keeps what the act wrote (and its audit entry). */
export function failKeepingWrites(error: AppError): never {
  throw new AppFailure(error, { commitWrites: true });
}
