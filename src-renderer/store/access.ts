import { CHANNEL_RULES, type ChannelRule } from '../../shared/contract/channel-rules';
import type { ChannelName } from '../../shared/contract/channels';
import type { User } from '../../shared/domain/user';
import { useAppStore, type View } from './app-store';

/**
 * Whether the contract lets this user call a channel. Main enforces the same table on every
 * call; the renderer only uses it to hide what would be refused.
 */
export function mayCall(user: User | null, channel: ChannelName): boolean {
  const access: ChannelRule['access'] = CHANNEL_RULES[channel].access;
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'signedIn') return true;
  return user.roles.some((role) => access.includes(role));
}

/** A user who may not use the clinical channels (an administrator only) works with users and protocols. */
export function mayChart(user: User | null): boolean {
  return mayCall(user, 'patient/list');
}

/** Staff (and clinicians) open finished records and export reports. */
export function mayReadRecords(user: User | null): boolean {
  return mayCall(user, 'record/list');
}

/**
 * The view this user can actually use: clinical views fall back to the records for staff,
 * and to the Users screen for an admin-only user.
 */
export function usableView(user: User | null, view: View): View {
  const clinical = view.kind === 'patients' || view.kind === 'session' || view.kind === 'patientHistory' || view.kind === 'physician';
  const records = view.kind === 'records' || view.kind === 'record' || view.kind === 'clinicReport';
  if (records && !mayReadRecords(user)) return mayCall(user, 'user/list') ? { kind: 'users' } : { kind: 'protocols' };
  if (clinical && !mayChart(user)) {
    if (mayReadRecords(user)) return { kind: 'records' };
    return mayCall(user, 'user/list') ? { kind: 'users' } : { kind: 'protocols' };
  }
  if (view.kind === 'users' && !mayCall(user, 'user/list')) return { kind: 'patients' };
  if (view.kind === 'audit' && !mayCall(user, 'audit/list')) return { kind: 'patients' };
  if (view.kind === 'backups' && !mayCall(user, 'backup/list')) return { kind: 'patients' };
  if (view.kind === 'monitors' && !mayCall(user, 'monitor/configure')) return { kind: 'patients' };
  return view;
}

/** The signed-in user, or null. */
export function useSignedInUser(): User | null {
  return useAppStore((state) => (state.auth.kind === 'signedIn' ? state.auth.user : null));
}
