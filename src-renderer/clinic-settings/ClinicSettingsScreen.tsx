import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlarmSettingsSchema, DEFAULT_ALARM_SETTINGS } from '../../shared/clinical/alarm-settings';
import type { AlarmSettingsView } from '../../shared/domain/alert-rules-view';
import { ClinicConfigSchema, DEFAULT_CLINIC_CONFIG, type ClinicConfigView, type SettingsHistory } from '../../shared/domain/clinic-config';
import { ok, type Result } from '../../shared/result';
import { errorText } from '../format/error-text';
import { useAnswer } from '../hooks/use-answer';
import { mayCall, useSignedInUser } from '../store/access';
import { useAppStore } from '../store/app-store';
import { bridge, call } from '../transport/client';
import { SettingsCard } from './SettingsCard';
import '../screens/admin.css';
import '../screens/rules/rules.css';
import './clinic-settings.css';

interface Loaded {
  config: ClinicConfigView;
  alarm: AlarmSettingsView;
  history: SettingsHistory;
}

async function fetchSettings(): Promise<Result<Loaded>> {
  const [config, alarm, history] = await Promise.all([call('clinic/getConfig', {}), call('settings/get', {}), call('clinic/history', {})]);
  if (!config.ok) return config;
  if (!alarm.ok) return alarm;
  if (!history.ok) return history;
  return ok({ config: config.value, alarm: alarm.value, history: history.value });
}

/**
 * The clinic's own choices, as data: the clinic configuration (name, discharge criteria,
 * monitoring schedule, technical alert priorities and whatever the schema gains) and the
 * alarm behaviour. Everyone signed in reads them; a physician changes them with a reason.
 * A change made in any window (this one included) reaches every window (`settings/changed`).
 */
export function ClinicSettingsScreen() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [notice, setNotice] = useState<string | null>(null);

  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((count) => count + 1), []);

  const answer = useAnswer(fetchSettings, { refresh: [reloads] });
  const loaded = answer.value;
  const error = answer.error && t('clinicSettings.loadFailed', { message: errorText(t, answer.error) });

  // A change made in any window (this one included) reloads the screen.
  useEffect(() => bridge().subscribe('settings/changed', reload), [reload]);

  const alarm = loaded?.alarm;
  const physician = mayCall(user, 'clinic/setConfig');
  const chairsOnly = !physician && mayCall(user, 'clinic/setChairs');
  return (
    <main className="admin-screen clinic-settings-screen" data-testid="clinic-settings-screen">
      <h1>{t('clinicSettings.title')}</h1>
      <p className="muted">{physician ? t('clinicSettings.introPhysician') : chairsOnly ? t('clinicSettings.introAdmin') : t('clinicSettings.introReadOnly')}</p>
      {notice && (
        <p className="notice" role="status" data-testid="clinic-settings-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!loaded && !error && <p className="muted">{t('app.loading')}</p>}
      {loaded && alarm && (
        <div className="clinic-settings-layout">
          <SettingsCard
            idPrefix="clinic-config"
            title={t('clinicSettings.config.title')}
            intro={t('clinicSettings.config.intro')}
            schema={ClinicConfigSchema}
            value={loaded.config.config}
            source={loaded.config.source}
            versions={loaded.history.clinic}
            defaults={DEFAULT_CLINIC_CONFIG}
            canEdit={physician || chairsOnly}
            // An administrator changes the chairs alone (the clinical values are the physician's).
            {...(chairsOnly ? { editableKeys: CHAIR_KEYS } : {})}
            save={(config, reason) => (chairsOnly ? saveChairs(config.chairs, reason) : call('clinic/setConfig', { config, reason }))}
            onSaved={() => {
              setNotice(t('clinicSettings.saved', { what: t('clinicSettings.config.title') }));
              reload();
            }}
          />
          <SettingsCard
            idPrefix="alarm-behaviour"
            title={t('clinicSettings.alarm.title')}
            intro={t('clinicSettings.alarm.intro')}
            schema={AlarmSettingsSchema}
            value={alarm.settings}
            source={alarm.changedAt !== null && alarm.changedByName !== null ? { userName: alarm.changedByName, at: alarm.changedAt, reason: alarm.changeReason ?? '' } : null}
            versions={loaded.history.alarm}
            defaults={DEFAULT_ALARM_SETTINGS}
            // One place to change the alarm behaviour: the Alert rules screen, beside the rules it governs.
            canEdit={false}
            editedElsewhere={<AlarmSettingsElsewhere />}
            save={(settings, reason) => call('settings/update', { settings, reason })}
            onSaved={reload}
          />
        </div>
      )}
    </main>
  );
}

const CHAIR_KEYS = ['chairs'] as const;

/** The chairs alone; main names a refused field as the whole configuration's form does ("config.chairs.2.name"). */
async function saveChairs(chairs: ClinicConfigView['config']['chairs'], reason: string): Promise<Result<unknown>> {
  const result = await call('clinic/setChairs', { chairs, reason });
  if (result.ok || !result.error.field?.startsWith('chairs')) return result;
  return { ok: false, error: { ...result.error, field: `config.${result.error.field}` } };
}

/** The alarm behaviour is read here and changed on the Alert rules screen. */
function AlarmSettingsElsewhere() {
  const { t } = useTranslation();
  const show = useAppStore((state) => state.show);
  return (
    <p className="settings-elsewhere" data-testid="alarm-behaviour-elsewhere">
      {t('clinicSettings.alarm.editedOnRules')}{' '}
      <button type="button" className="link-button" onClick={() => show({ kind: 'rules' })}>
        {t('clinicSettings.alarm.openRules')}
      </button>
    </p>
  );
}
