import type { ChannelName } from './channels';

/**
 * Channels that only read. A storage fault on one of these must not tell the nurse that
 * "nothing was saved" (nothing was being saved) and must not pause charting; every other
 * channel may write. The fuzz proof checks that these write no row.
 */
export const READ_ONLY_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'auth/status',
  'user/list',
  'patient/list',
  'patient/get',
  'patient/history',
  'protocol/list',
  'session/list',
  'session/get',
  'alert/list',
  'rules/get',
  'settings/get',
  // Records and exports read the record and make a file from it; they write nothing.
  'record/list',
  'record/get',
  'report/clinic',
  'export/session',
  'export/clinic',
]);

/** Whether a failed call was a write (nothing was saved) or a read (nothing was shown). */
export type CallAct = 'write' | 'read';

export function actOf(channel: ChannelName): CallAct {
  return READ_ONLY_CHANNELS.has(channel) ? 'read' : 'write';
}
