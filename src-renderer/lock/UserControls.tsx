import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/domain/user';
import { shortName } from '../components/reading-flags';
import { useAppStore } from '../store/app-store';
import { call } from '../transport/client';
import { applyAuthStatus } from './auth-status';
import { PinForm } from './PinForm';
import './lock.css';

type Panel = 'switch' | 'handBack' | null;

/**
 * Who is at this window, and the ways to change it without losing the chair: hand back (the
 * previous user's PIN only), switch user (username and PIN), lock, sign out.
 */
export function UserControls({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const { t } = useTranslation();
  const handBackTo = useAppStore((state) => state.handBackTo);
  const [panel, setPanel] = useState<Panel>(null);
  const close = () => setPanel(null);

  async function lock() {
    const result = await call('auth/lock', {});
    if (result.ok) applyAuthStatus(result.value);
  }

  return (
    <span className="user" onKeyDown={(event) => event.key === 'Escape' && close()}>
      <span data-testid="signed-in-as" title={user.displayName}>
        {t('app.signedInAs', { name: shortName(user.displayName) })}
      </span>
      {handBackTo && (
        <span className="switch-user">
          <button
            type="button"
            className="hand-back"
            aria-expanded={panel === 'handBack'}
            onClick={() => setPanel(panel === 'handBack' ? null : 'handBack')}
            title={t('lock.handBack', { name: handBackTo.displayName })}
            data-testid="hand-back"
          >
            {t('lock.handBack', { name: shortName(handBackTo.displayName) })}
          </button>
          {panel === 'handBack' && (
            <div className="switch-user-panel" role="dialog" aria-label={t('lock.handBack', { name: handBackTo.displayName })}>
              <PinForm username={handBackTo.username} submitLabel={t('lock.handBackSubmit')} testId="hand-back-form" onDone={close} />
            </div>
          )}
        </span>
      )}
      <span className="switch-user">
        <button type="button" aria-expanded={panel === 'switch'} onClick={() => setPanel(panel === 'switch' ? null : 'switch')} data-testid="switch-user">
          {t('lock.switchUser')}
        </button>
        {panel === 'switch' && (
          <div className="switch-user-panel" role="dialog" aria-label={t('lock.switchUser')}>
            <PinForm submitLabel={t('lock.switchIn')} testId="switch-form" onDone={close} />
          </div>
        )}
      </span>
      <button type="button" onClick={() => void lock()} data-testid="lock-now">
        {t('lock.lock')}
      </button>
      <button type="button" onClick={onSignOut}>
        {t('app.signOut')}
      </button>
    </span>
  );
}
