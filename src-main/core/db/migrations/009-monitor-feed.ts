import { appendOnly } from './append-only';

/**
 * The bedside monitor feed (issue 12).
 *
 * - `monitor_listener_settings`: the MLLP listener's settings as versions, each with who,
 *   when and why; the newest row is in force. No row: the listener is off.
 * - `device_bindings`: which chair a monitor (its equipment id) feeds, as a history; the
 *   newest row per device is in force, a NULL chair unbinds it.
 * - `monitor_messages`: every message Vigil answered AA, once per (device, control id) so a
 *   resent message is not charted twice. Held messages (no binding, no open session, or a
 *   patient other than the chair's) keep their mapped readings until a nurse assigns or
 *   discards them (`held_message_actions`).
 * - `readings` learn their source and device, and `reading_validations` who validated a
 *   monitor value.
 */
export const monitorFeedSchema = /* sql */ `
CREATE TABLE monitor_listener_settings (
  id INTEGER PRIMARY KEY,
  enabled INTEGER NOT NULL CHECK (enabled IN (0,1)),
  port INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
  bind_address TEXT NOT NULL,
  allowed_addresses_json TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
${appendOnly('monitor_listener_settings')}

CREATE TABLE device_bindings (
  id INTEGER PRIMARY KEY,
  device_id TEXT NOT NULL,
  chair TEXT,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX device_bindings_device ON device_bindings(device_id, id);
${appendOnly('device_bindings')}

CREATE TABLE monitor_messages (
  id INTEGER PRIMARY KEY,
  device_id TEXT NOT NULL,
  control_id TEXT NOT NULL,
  patient_id TEXT,
  patient_name TEXT,
  received_at INTEGER NOT NULL,
  peer TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions(id),
  chair TEXT,
  hold_reason TEXT CHECK (hold_reason IN ('unbound_device','no_open_session','patient_mismatch')),
  readings_json TEXT NOT NULL,
  ignored_json TEXT NOT NULL,
  CHECK ((session_id IS NULL) = (hold_reason IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX monitor_messages_control ON monitor_messages(device_id, control_id);
CREATE INDEX monitor_messages_held ON monitor_messages(hold_reason, id) WHERE hold_reason IS NOT NULL;
${appendOnly('monitor_messages')}

CREATE TABLE held_message_actions (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES monitor_messages(id),
  action TEXT NOT NULL CHECK (action IN ('assigned','discarded')),
  session_id INTEGER REFERENCES sessions(id),
  reason TEXT,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  CHECK ((action = 'assigned') = (session_id IS NOT NULL))
) STRICT;
${appendOnly('held_message_actions')}

ALTER TABLE readings ADD COLUMN source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','monitor'));
ALTER TABLE readings ADD COLUMN device_id TEXT;
ALTER TABLE readings ADD COLUMN monitor_message_id INTEGER REFERENCES monitor_messages(id);
CREATE INDEX readings_monitor_unvalidated ON readings(session_id, id) WHERE source = 'monitor';

CREATE TABLE reading_validations (
  id INTEGER PRIMARY KEY,
  reading_id INTEGER NOT NULL UNIQUE REFERENCES readings(id),
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
${appendOnly('reading_validations')}
`;
