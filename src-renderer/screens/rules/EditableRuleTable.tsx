import { useTranslation } from 'react-i18next';
import type { AlertRule } from '../../../shared/clinical/alert-rules';
import { groupInOrder } from './group-rules';
import { ruleOf, type DraftField, type RuleDraft } from './rule-draft';
import { RuleEditRow } from './RuleEditRow';
import { RuleRow } from './RuleRow';
import { GroupRow, RULE_COLUMNS, RuleTableHead } from './RuleTableHead';
import { groupLabel } from './rule-text';

interface Props {
  drafts: readonly RuleDraft[];
  /** The set as saved, by rule id. */
  saved: ReadonlyMap<string, AlertRule>;
  /** Main's refusals, by draft key and field. */
  errors: Readonly<Record<string, Partial<Record<DraftField, string>>>>;
  onChange(key: string, patch: Partial<RuleDraft>): void;
  onRemove(key: string): void;
  onKeep(key: string): void;
}

const GROUP_LIST_ID = 'rule-groups';
const COLUMNS = RULE_COLUMNS.length + 1;

/** The set being edited: existing rules in their groups, a removed one struck through until saved, added rules last. */
export function EditableRuleTable({ drafts, saved, errors, onChange, onRemove, onKeep }: Props) {
  const { t } = useTranslation();
  const existing = drafts.filter((draft) => !draft.isNew);
  const added = drafts.filter((draft) => draft.isNew);
  const groups = [...new Set(drafts.map((draft) => draft.group.trim()).filter((group) => group !== ''))];

  const row = (draft: RuleDraft) =>
    draft.removed ? (
      <RuleRow
        key={draft.key}
        rule={saved.get(draft.id) ?? ruleOf(draft)}
        removed
        actions={
          <button type="button" onClick={() => onKeep(draft.key)}>
            {t('rules.edit.keep')}
          </button>
        }
      />
    ) : (
      <RuleEditRow
        key={draft.key}
        draft={draft}
        saved={saved.get(draft.id)}
        errors={errors[draft.key] ?? {}}
        groupListId={GROUP_LIST_ID}
        onChange={(patch) => onChange(draft.key, patch)}
        onRemove={() => onRemove(draft.key)}
      />
    );

  return (
    <>
      <table className="admin-table rule-table rule-table-editing" data-testid="rule-table">
        <RuleTableHead withActions />
        {groupInOrder(existing, (draft) => draft.group).map(([group, members]) => (
          <tbody key={group} data-group={group}>
            <GroupRow label={groupLabel(t, group)} columns={COLUMNS} />
            {members.map(row)}
          </tbody>
        ))}
        {added.length > 0 && (
          <tbody data-group="added">
            <GroupRow label={t('rules.edit.addedGroup')} columns={COLUMNS} />
            {added.map(row)}
          </tbody>
        )}
      </table>
      <datalist id={GROUP_LIST_ID}>
        {groups.map((group) => (
          <option key={group} value={group}>
            {groupLabel(t, group)}
          </option>
        ))}
      </datalist>
    </>
  );
}
