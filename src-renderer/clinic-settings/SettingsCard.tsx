import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Result } from '../../shared/result';
import { ChangedBy } from '../screens/rules/ChangedBy';
import { settingsFields } from './schema-fields';
import { SettingsFacts } from './SettingsFacts';
import { SettingsForm } from './SettingsForm';
import { SettingsHistory, type Version } from './SettingsHistory';

interface Props<T> {
  idPrefix: string;
  title: string;
  intro: string;
  schema: z.ZodType<T>;
  value: T;
  source: { userName: string; at: number; reason: string } | null;
  versions: readonly Version<T>[];
  defaults: T;
  canEdit: boolean;
  /** Only these top-level fields are offered in the edit form (an administrator edits the chairs alone); all when absent. */
  editableKeys?: readonly string[];
  /** Where this object is changed when it is not changed here (shown instead of the edit button). */
  editedElsewhere?: ReactNode;
  save(next: T, reason: string): Promise<Result<unknown>>;
  onSaved(): void;
}

/** One versioned settings object: its values, who changed it last and why, a physician's edit form, and every version. */
export function SettingsCard<T>({ idPrefix, title, intro, schema, value, source, versions, defaults, canEdit, editableKeys, save, editedElsewhere, onSaved }: Props<T>) {
  const { t } = useTranslation();
  const fields = useMemo(() => settingsFields(schema), [schema]);
  const editable = useMemo(() => (editableKeys ? fields.filter((field) => editableKeys.includes(field.key)) : fields), [fields, editableKeys]);
  const [editing, setEditing] = useState(false);
  return (
    <section className="card settings-card" data-testid={idPrefix} aria-labelledby={`${idPrefix}-title`}>
      <div className="settings-card-head">
        <h2 id={`${idPrefix}-title`}>{title}</h2>
        {canEdit && !editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('clinicSettings.edit', { what: title })}
          </button>
        )}
      </div>
      <p className="muted">{intro}</p>
      {editedElsewhere}
      {editing ? (
        <SettingsForm
          idPrefix={idPrefix}
          schema={schema}
          fields={editable}
          current={value}
          save={save}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <SettingsFacts fields={fields} value={value} idPrefix={idPrefix} />
      )}
      {source ? <ChangedBy name={source.userName} at={source.at} reason={source.reason} testId={`${idPrefix}-changed`} /> : <p className="muted">{t('clinicSettings.defaults')}</p>}
      <details className="settings-history-box">
        <summary>{t('clinicSettings.history.title', { count: versions.length })}</summary>
        <SettingsHistory fields={fields} versions={versions} defaults={defaults} idPrefix={idPrefix} />
      </details>
    </section>
  );
}
