import { CHANNEL_NAMES, CHANNELS, type ChannelName } from './channels';

/**
 * Channels that only read, from each channel's audit class: `none` (lists, settings) and
 * `view` (opening a record, which appends an audit entry of the view but changes no part of
 * the record). A storage fault on one of these must not tell the nurse that "nothing was
 * saved" (nothing was being saved) and must not pause charting; every `write` channel may write.
 */
export const READ_ONLY_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>(CHANNEL_NAMES.filter((name) => CHANNELS[name].audit !== 'write'));

/** Whether a failed call was a write (nothing was saved) or a read (nothing was shown). */
export type CallAct = 'write' | 'read';

export function actOf(channel: ChannelName): CallAct {
  return READ_ONLY_CHANNELS.has(channel) ? 'read' : 'write';
}
