import { useTranslation } from 'react-i18next';
import type { ListenerStatus } from '../../shared/domain/monitor';
import { formatDateTime } from '../format/time';

/** What the listener is doing now: the port it listens on, its connections, why it is not listening. */
export function ListenerState({ status }: { status: ListenerStatus }) {
  const { t } = useTranslation();
  const { settings, listeningPort, connections, error, changed } = status;
  const state = listeningPort !== null ? t('monitors.state.listening', { port: listeningPort }) : t(settings.enabled ? 'monitors.state.notListening' : 'monitors.state.off');
  // `--mllp-port` at start-up makes the listener listen on its port whatever the stored settings say.
  const forced = listeningPort !== null && (!settings.enabled || (settings.port !== 0 && settings.port !== listeningPort));
  return (
    <section className="card monitors-state" aria-labelledby="monitors-state-title" data-testid="listener-state">
      <h2 id="monitors-state-title">{t('monitors.state.title')}</h2>
      <dl className="monitors-facts">
        <dt>{t('monitors.state.listener')}</dt>
        <dd data-testid="listener-state-text">{state}</dd>
        <dt>{t('monitors.state.address')}</dt>
        <dd>{settings.bindAddress}</dd>
        <dt>{t('monitors.state.allowed')}</dt>
        <dd>{settings.allowedAddresses.length > 0 ? settings.allowedAddresses.join(', ') : t('monitors.state.loopbackOnly')}</dd>
        <dt>{t('monitors.state.connections')}</dt>
        <dd data-testid="listener-connections">{connections}</dd>
        <dt>{t('monitors.state.changed')}</dt>
        <dd>{changed ? t('monitors.state.changedBy', { name: changed.userName, time: formatDateTime(changed.at), reason: changed.reason }) : t('monitors.state.neverChanged')}</dd>
      </dl>
      {forced && (
        <p className="muted monitors-forced" data-testid="listener-forced">
          {t('monitors.state.forced')}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="listener-fault">
          {t('monitors.state.error', { error })}
        </p>
      )}
    </section>
  );
}
