import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockedChair } from '../../shared/domain/workstation-lock';
import type { User } from '../../shared/domain/user';
import { PRIORITY_SYMBOL } from '../components/AlertBanner';
import { alertSubject } from '../format/parameters';
import { mayCall } from '../store/access';
import { bridge, call } from '../transport/client';
import { PinForm } from './PinForm';
import './lock.css';

/** Phase changes are not heard while locked; the chairs are read again this often (alerts come at once). */
const CHAIRS_REFRESH_MS = 15_000;

/**
 * The locked workstation: no patient names, no values; each chair's phase and most urgent
 * alarm stay in view (and the header's sounder keeps sounding). The signed-in user unlocks
 * with their PIN; anyone else (a physician come to acknowledge) switches in with theirs, on
 * the same chair and screen.
 */
export function LockScreen({ user }: { user: User }) {
  const { t } = useTranslation();
  const [chairs, setChairs] = useState<LockedChair[]>([]);
  const [switching, setSwitching] = useState(false);
  const seesChairs = mayCall(user, 'lock/chairs');

  useEffect(() => {
    if (!seesChairs) return;
    let cancelled = false;
    const refresh = () =>
      void call('lock/chairs', {}).then((result) => {
        if (!cancelled && result.ok) setChairs(result.value);
      });
    refresh();
    const timer = window.setInterval(refresh, CHAIRS_REFRESH_MS);
    const unsubscribe = bridge().subscribe('alert/changed', refresh);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [seesChairs]);

  return (
    <main className="lock-screen" data-testid="lock-screen" aria-labelledby="lock-title">
      <section className="card lock-card">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p className="muted">{t('lock.signedIn', { name: user.displayName })}</p>
        {!switching ? (
          <>
            <PinForm key="unlock" username={user.username} submitLabel={t('lock.unlock')} testId="unlock-form" />
            <button type="button" className="link-button" onClick={() => setSwitching(true)} data-testid="lock-switch">
              {t('lock.someoneElse')}
            </button>
          </>
        ) : (
          <>
            <PinForm key="switch" submitLabel={t('lock.switchIn')} testId="switch-form" />
            <button type="button" className="link-button" onClick={() => setSwitching(false)}>
              {t('lock.backToUnlock', { name: user.displayName })}
            </button>
          </>
        )}
      </section>
      {seesChairs && (
        <section className="lock-chairs" aria-label={t('lock.chairs')}>
          {chairs.length === 0 && <p className="muted">{t('lock.noChairs')}</p>}
          {chairs.map((chair) => (
            <article
              key={chair.sessionId}
              className={`lock-chair ${chair.alert ? `lock-chair-${chair.alert.priority}` : ''} ${chair.alert?.acknowledged ? 'acknowledged' : ''}`}
              data-testid="lock-chair"
              data-priority={chair.alert?.priority ?? 'none'}
            >
              <h2>{chair.chair}</h2>
              <p>{t(`session.phase.${chair.phase}`)}</p>
              {chair.alert ? (
                <p className="lock-chair-alert">
                  <span aria-hidden="true">{PRIORITY_SYMBOL[chair.alert.priority]} </span>
                  {t(`alerts.priority.${chair.alert.priority}`)}: {alertSubject(t, chair.alert)}
                  {chair.activeAlertCount > 1 && ` ${t('lock.moreAlerts', { count: chair.activeAlertCount - 1 })}`}
                  <br />
                  <small>{chair.alert.acknowledged ? t('lock.seen') : chair.alert.escalated ? t('lock.escalated') : t('lock.notSeen')}</small>
                </p>
              ) : (
                <p className="muted">{t('lock.noAlert')}</p>
              )}
            </article>
          ))}
        </section>
      )}
    </main>
  );
}
