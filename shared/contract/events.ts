import { z } from 'zod';
import { AlertSchema } from '../domain/alert';
import { EpochMsSchema } from '../domain/common';
import { ReadingSchema } from '../domain/reading';
import { SessionSchema, SessionTimerSchema } from '../domain/session';
import { AuthStatusSchema, SessionLiveSchema } from '../domain/views';

/** Events main pushes to signed-in windows: name -> payload schema. */
export const EVENTS = {
  /**
   * This window's sign-in changed without its asking (main locked it after the idle time, or
   * signed it out because the account was disabled). Sent to that window only, numbered 0:
   * it is not one of the core's numbered events.
   */
  'auth/changed': AuthStatusSchema,
  /** Once a second while any session's timer runs. */
  'timer/tick': z.object({ nowAt: EpochMsSchema, timers: z.array(SessionTimerSchema) }),
  'session/changed': z.object({ session: SessionSchema, timer: SessionTimerSchema }),
  'reading/added': ReadingSchema,
  /** An alert was raised or changed state (repeat, acknowledged, resolved). */
  'alert/changed': AlertSchema,
  /** After the events of one commit: the session's list row and the live parts of its screen. */
  'session/updated': SessionLiveSchema,
  /** The clinic's configuration or alarm settings changed: windows read them again (open sessions come as session/changed). */
  'settings/changed': z.object({ scope: z.enum(['alarm', 'clinic']) }),
  /**
   * Something about the console itself the nurse must know: the computer slept or its clock
   * changed (by `deltaMs`), or the scheduled checks (overdue vitals, overruns) stopped running
   * and came back.
   */
  'system/notice': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('clockChanged'), at: EpochMsSchema, change: z.enum(['set', 'sleep']), deltaMs: z.number().int(), heldForOpenSessions: z.boolean() }),
    z.object({ kind: z.literal('checksFailing'), at: EpochMsSchema, fault: z.string() }),
    z.object({ kind: z.literal('checksRecovered'), at: EpochMsSchema }),
    /** The background check of the record file found damage: charting goes on, the administrator must act. */
    z.object({ kind: z.literal('fileDamaged'), at: EpochMsSchema }),
  ]),
  /**
   * An administrator put a backup in place of the record: main reopened on it and signed
   * every window out. Sent to every window (numbered 0, like auth/changed) so each says so
   * at once, by whom and when, instead of failing at its next call.
   */
  'record/restored': z.object({ at: EpochMsSchema, byName: z.string(), restoredFrom: z.string(), backupAt: EpochMsSchema.nullable() }),
  /** An account was added, disabled, enabled or reset, or chose its PIN: the Users screen reloads (no names: it asks). */
  'users/changed': z.object({ at: EpochMsSchema }),
  /** Monitors connected or silent, a binding changed, or the holding list gained or lost a message: reload them. */
  'monitor/changed': z.object({ at: EpochMsSchema }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof EVENTS;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

