import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../format/error-text';
import { useAnswer } from '../../hooks/use-answer';
import { call } from '../../transport/client';
import { AlarmSettingsForm } from './AlarmSettingsForm';
import { latchingText, SETTING_FIELDS, settingText } from './alarm-settings-text';
import { ChangedBy } from './ChangedBy';

/** The clinic's alarm behaviour (latching, audio pause, escalation): everyone reads it; a physician changes it with a reason. */
export function AlarmSettingsCard({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const loaded = useAnswer(() => call('settings/get', {}));
  const [editing, setEditing] = useState(false);

  const view = loaded.value;
  return (
    <section className="card alarm-settings" data-testid="alarm-settings" aria-labelledby="alarm-settings-title">
      <h2 id="alarm-settings-title">{t('rules.settings.title')}</h2>
      <p className="muted alarm-settings-scope">{t('rules.settings.scope')}</p>
      {loaded.error && (
        <p className="field-error" role="alert">
          {t('rules.settings.loadFailed', { message: errorText(t, loaded.error) })}
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
            loaded.replace(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </section>
  );
}
