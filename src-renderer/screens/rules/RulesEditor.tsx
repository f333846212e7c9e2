import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import { EditableRuleTable } from './EditableRuleTable';
import { diffRules } from './rule-diff';
import { blankDraft, draftOf, keptDrafts, ruleOf, withGeneratedIds, type RuleDraft } from './rule-draft';
import { NO_ERRORS, placeErrors, type PlacedErrors } from './rule-field-errors';
import { RulesReview } from './RulesReview';
import { saveRules } from './save-rules';
import type { RuleScope } from './scope';

interface Props {
  scope: RuleScope;
  /** The set as loaded when editing began. */
  view: RuleSetView;
  /** What saving reaches, said before the physician edits (set by the screen). */
  reach: string;
  onSaved(view: RuleSetView): void;
  onCancel(): void;
}

/** A physician's edit of one set: change, add and remove rules, review the difference, save with a reason. */
export function RulesEditor({ scope, view, reach, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => view.baseRules.map((rule) => draftOf(rule)));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const added = useRef(0);
  const saved = new Map(view.baseRules.map((rule) => [rule.id, rule]));
  const changes = diffRules(view.baseRules, drafts);

  const update = (key: string, patch: Partial<RuleDraft>) => setDrafts((list) => list.map((draft) => (draft.key === key ? { ...draft, ...patch } : draft)));
  const remove = (key: string) => setDrafts((list) => list.flatMap((draft) => (draft.key !== key ? [draft] : draft.isNew ? [] : [{ ...draft, removed: true }])));

  async function save() {
    setBusy(true);
    const sent = withGeneratedIds(keptDrafts(drafts));
    const outcome = await saveRules(scope, view, sent.map(ruleOf), reason);
    setBusy(false);
    if (outcome.kind === 'saved') onSaved(outcome.view);
    else if (outcome.kind === 'refused') setErrors(placeErrors(t, outcome.error, sent, 'rules'));
    else setErrors({ ...NO_ERRORS, form: t('rules.edit.stale', { name: outcome.current.changedByName ?? '' }) });
  }

  return (
    <div className="rules-editor" data-testid="rules-editor">
      <p className="rule-reach" data-testid="rule-reach">
        {reach}
      </p>
      <div className="card table-card">
        <EditableRuleTable
          drafts={drafts}
          saved={saved}
          errors={errors.byRule}
          onChange={update}
          onRemove={remove}
          onKeep={(key) => update(key, { removed: false })}
        />
      </div>
      <div>
        <button type="button" onClick={() => setDrafts((list) => [...list, blankDraft(`new-${++added.current}`)])}>
          {t('rules.edit.add')}
        </button>
      </div>
      <RulesReview
        changes={changes}
        reason={reason}
        reasonError={errors.reason}
        formError={errors.form}
        busy={busy}
        onReason={setReason}
        onSave={() => void save()}
        onCancel={onCancel}
      />
    </div>
  );
}
