import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { valueAt, type LeafField, type SettingsField } from './schema-fields';
import { fieldLabel, valueText } from './settings-text';

/** Consecutive fields of one level as one list; each group as its own block, in the schema's order. */
function blocks(fields: readonly SettingsField[]): (SettingsField[] | SettingsField)[] {
  const out: (SettingsField[] | SettingsField)[] = [];
  for (const field of fields) {
    const last = out.at(-1);
    if (field.type === 'group') out.push(field);
    else if (Array.isArray(last)) last.push(field);
    else out.push([field]);
  }
  return out;
}

/** A settings object as read-only facts, grouped as its schema groups them. */
export function SettingsFacts({ fields, value, idPrefix }: { fields: readonly SettingsField[]; value: unknown; idPrefix: string }) {
  const { t, i18n } = useTranslation();
  function fact(leaf: LeafField): ReactNode {
    const current = valueAt(value, leaf.path);
    return (
      <div key={leaf.key} className="settings-fact" data-testid={`${idPrefix}-fact-${leaf.key}`} data-value={Array.isArray(current) ? valueText(t, i18n.language, leaf, current) : String(current)}>
        <dt>{fieldLabel(t, leaf)}</dt>
        <dd className={leaf.field.kind === 'list' ? 'settings-fact-list' : undefined}>{valueText(t, i18n.language, leaf, current)}</dd>
      </div>
    );
  }
  function render(items: readonly SettingsField[]): ReactNode {
    return blocks(items).map((block) =>
      Array.isArray(block) ? (
        <dl key={block[0]?.key} className="settings-facts">
          {block.map((leaf) => leaf.type === 'leaf' && fact(leaf))}
        </dl>
      ) : (
        <section key={block.key} className="settings-facts-group" aria-label={fieldLabel(t, block)}>
          <h3>{fieldLabel(t, block)}</h3>
          {block.type === 'group' && render(block.children)}
        </section>
      ),
    );
  }
  return <div className="settings-facts-groups">{render(fields)}</div>;
}
