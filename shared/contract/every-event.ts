import type { EventName } from './events';

/**
 * Every contract event by name, without the schemas (so the sandboxed preload and the renderer
 * can list them without bundling zod). `satisfies` rejects a missing or unknown name.
 */
export const EVERY_EVENT = {
  'auth/changed': true,
  'timer/tick': true,
  'session/changed': true,
  'reading/added': true,
  'alert/changed': true,
  'session/updated': true,
  'settings/changed': true,
  'system/notice': true,
  'users/changed': true,
  'monitor/changed': true,
  'record/restored': true,
} as const satisfies Record<EventName, true>;

export const EVERY_EVENT_NAME = Object.keys(EVERY_EVENT) as EventName[];
