import { create } from 'zustand';
import type { EventPayload } from '../../../shared/contract/events';
import { refreshAuthStatus } from '../../lock/auth-status';
import { bridge } from '../../transport/client';

export type RestoreNotice = EventPayload<'record/restored'>;

interface RestoreNoticeState {
  /** The last restore main told this window of; shown on the sign-in screen until someone signs in. */
  notice: RestoreNotice | null;
  clear(): void;
}

export const useRestoreNotice = create<RestoreNoticeState>((set) => ({
  notice: null,
  clear: () => set({ notice: null }),
}));

/**
 * Hears main say that the record was restored (every window was signed out by it): keeps who
 * and when for the sign-in screen and asks main for this window's sign-in at once, so the
 * window leaves whatever it showed of the replaced record now, not at its next call.
 */
export function startRestoreNoticeSync(): () => void {
  return bridge().subscribe('record/restored', (notice) => {
    useRestoreNotice.setState({ notice });
    void refreshAuthStatus();
  });
}
