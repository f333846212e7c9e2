import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmSettingsView } from '../../../shared/domain/alert-rules-view';
import { errorText } from '../../format/error-text';
import { call } from '../../transport/client';
import { AlarmSettingsForm } from './AlarmSettingsForm';
import { latchingText, SETTING_FIELDS, settingText } from './alarm-settings-text';
import { ChangedBy } from './ChangedBy';

type Loaded = { view: AlarmSettingsView; error: null } | { view: null; error: string } | { view: null; error: null };

/** The clinic's alarm behaviour (latching, audio pause, escalation): everyone reads it; a physician changes it with a reason. */
export function AlarmSettingsCard({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ view: null, error: null });
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    let current = true;
    void call('settings/get', {}).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { view: result.value, error: null } : { view: null, error: t('rules.settings.loadFailed', { message: errorText(t, result.error) }) });
    });
    return () => {
      current = false;
    };
  }, [t]);

  const view = loaded.view;
  return (
    <section className="card alarm-settings" data-testid="alarm-settings" aria-labelledby="alarm-settings-title">
      <h2 id="alarm-settings-title">{t('rules.settings.title')}</h2>
      <p className="muted alarm-settings-scope">{t('rules.settings.scope')}</p>
      {loaded.error && (
        <p className="field-error" role="alert">
          {loaded.error}
        </p>
      )}
      {view && !editing && (
        <>
          <dl className="alarm-facts">
            {SETTING_FIELDS.map((field) => (
              <div key={field} className="alarm-fact" data-testid={`setting-${field}`} data-value={String(view.settings[field])}>
                <dt>{t(`rules.settings.${field}`)}</dt>
                <dd>
                  <strong>{settingText(t, i18n.language, field, view.settings)}</strong>
                  {field === 'latchingAlerts' && <span className="alarm-fact-note">{latchingText(t, view.settings.latchingAlerts)}</span>}
                </dd>
              </div>
            ))}
          </dl>
          {view.changedAt !== null && view.changedByName !== null ? (
            <ChangedBy name={view.changedByName} at={view.changedAt} reason={view.changeReason ?? ''} testId="settings-changed" />
          ) : (
            <p className="muted">{t('rules.settings.neverChanged')}</p>
          )}
          {canEdit && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('rules.settings.edit')}
            </button>
          )}
        </>
      )}
      {view && editing && (
        <AlarmSettingsForm
          current={view.settings}
          onSaved={(saved) => {
            setLoaded({ view: saved, error: null });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </section>
  );
}
