import { appendOnly } from './append-only';

/** The clinic's discharge criteria, monitoring schedule and technical alert priorities: a new version per change, with who, when and why. */
export const clinicConfigSchema = /* sql */ `
CREATE TABLE clinic_config (
  id INTEGER PRIMARY KEY,
  config_json TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
${appendOnly('clinic_config')}
`;
