import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/time';
import { listChanges } from './list-changes';
import { changedLeaves, valueAt, type LeafField, type SettingValue, type SettingsField } from './schema-fields';
import { fieldLabel, valueText } from './settings-text';

export interface Version<T> {
  id: number;
  value: T;
  at: number;
  userName: string;
  reason: string;
}

/**
 * Every stored version, newest first: who, when, why, and what it changed from the version
 * before (the first against `defaults`, Vigil's own values).
 */
export function SettingsHistory<T>({ fields, versions, defaults, idPrefix }: { fields: readonly SettingsField[]; versions: readonly Version<T>[]; defaults: T; idPrefix: string }) {
  const { t, i18n } = useTranslation();
  if (versions.length === 0) return <p className="muted">{t('clinicSettings.history.none')}</p>;
  return (
    <ol className="settings-history" data-testid={`${idPrefix}-history`}>
      {versions.map((version, index) => {
        const before = versions[index + 1]?.value ?? defaults;
        const changed = changedLeaves(fields, before, version.value);
        return (
          <li key={version.id} className="settings-version" data-testid={`${idPrefix}-version`}>
            <p className="settings-version-who">
              <strong>{t('clinicSettings.history.version', { number: versions.length - index })}</strong>{' '}
              {t('clinicSettings.history.by', { name: version.userName, time: formatDateTime(version.at) })}
            </p>
            <p className="changed-reason">{t('clinicSettings.history.reason', { reason: version.reason })}</p>
            {changed.length > 0 ? (
              <ul className="rule-change-fields">
                {changed.map((leaf) =>
                  leaf.field.kind === 'list' ? (
                    <ListChangeLines key={leaf.key} leaf={leaf} before={valueAt(before, leaf.path)} after={valueAt(version.value, leaf.path)} />
                  ) : (
                    <li key={leaf.key}>
                      <span className="rule-change-field">{fieldLabel(t, leaf)}</span> <del>{valueText(t, i18n.language, leaf, valueAt(before, leaf.path))}</del> <span aria-hidden="true">→</span>{' '}
                      <ins>{valueText(t, i18n.language, leaf, valueAt(version.value, leaf.path))}</ins>
                    </li>
                  ),
                )}
              </ul>
            ) : (
              <p className="muted">{t('clinicSettings.history.noChange')}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A list's change as the entries it touched ("Chair 2 → Window chair", "added Recliner"), not the whole list twice. */
function ListChangeLines({ leaf, before, after }: { leaf: LeafField; before: SettingValue; after: SettingValue }) {
  const { t } = useTranslation();
  const changes = listChanges(leaf.field, before, after);
  const label = <span className="rule-change-field">{fieldLabel(t, leaf)}</span>;
  return (
    <>
      {changes.renamed.map(({ from, to }) => (
        <li key={`renamed ${from} ${to}`}>
          {label} <del>{from}</del> <span aria-hidden="true">→</span> <ins>{to}</ins>
        </li>
      ))}
      {changes.added.map((name, index) => (
        <li key={`added ${index}`}>
          {label} <ins>{t('clinicSettings.history.listAdded', { name })}</ins>
        </li>
      ))}
      {changes.removed.map((name, index) => (
        <li key={`removed ${index}`}>
          {label} <del>{t('clinicSettings.history.listRemoved', { name })}</del>
        </li>
      ))}
      {changes.reordered && (
        <li>
          {label} {t('clinicSettings.history.listReordered')}
        </li>
      )}
    </>
  );
}
