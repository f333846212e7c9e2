import type { AuthStatus } from '../../shared/domain/views';
import { mayChart } from '../store/access';
import { useAlertsStore } from '../store/alerts-store';
import { useAppStore } from '../store/app-store';
import { resync } from '../store/sync';
import { call } from '../transport/client';

/**
 * Shows what main says about this window's sign-in: at start, after a sign-in, lock or switch,
 * and when main changed it on its own (`auth/changed`: the idle lock). A locked window drops
 * every patient's data and keeps only its view (the chair and screen come back on unlock);
 * after an unlock or a switch it reloads what the new user may see.
 */
export function applyAuthStatus(status: AuthStatus): void {
  const store = useAppStore.getState();
  const { setupRequired, user, mustChoosePin, locked, handBackTo } = status;
  if (setupRequired || !user || mustChoosePin) {
    store.reset();
    useAlertsStore.getState().clear();
    store.setAuth(setupRequired ? { kind: 'setup' } : user ? { kind: 'choosePin', user } : { kind: 'signedOut' });
    return;
  }
  const before = store.auth.kind === 'signedIn' ? { userId: store.auth.user.id, locked: store.locked } : null;
  if (locked || !mayChart(user)) store.hidePatientData();
  if (!mayChart(user)) useAlertsStore.getState().clear();
  store.setLock(locked, handBackTo);
  store.setAuth({ kind: 'signedIn', user });
  const reopened = before !== null && !locked && (before.locked || before.userId !== user.id);
  if (reopened && mayChart(user)) resync();
}

/** Asks main again (a call was refused because the workstation is locked: the lock event may have been missed). */
export async function refreshAuthStatus(): Promise<void> {
  const status = await call('auth/status', {});
  if (status.ok) applyAuthStatus(status.value);
}
