import { PRIORITY_RANK, type AlertRule, type Comparison, type Confirmation } from '../../../shared/clinical/alert-rules';
import { ruleOf, type RuleDraft } from './rule-draft';

/**
 * What a change does to alerting: `more` alerts sooner, more often or more urgently;
 * `less` later, less often, less urgently or never, which is how a real alarm gets
 * silenced, so the review says it plainly. `none` changes when an alert clears, or nothing
 * the reader can rank (a condition of another kind).
 */
export type Effect = 'more' | 'less' | 'none';
export type ChangedField = 'comparison' | 'priority' | 'confirmation' | 'hysteresis' | 'group';

export interface FieldChange {
  field: ChangedField;
  effect: Effect;
}

export type RuleChange =
  | { kind: 'added'; rule: AlertRule }
  | { kind: 'removed'; rule: AlertRule }
  | { kind: 'changed'; before: AlertRule; after: AlertRule; fields: FieldChange[] };

const sign = (difference: number): Effect => (difference > 0 ? 'more' : difference < 0 ? 'less' : 'none');

/** A lower "above" limit or a higher "below" limit fires sooner; a smaller rise too; a narrower band too. */
function comparisonEffect(before: Comparison, after: Comparison): Effect {
  if (before.kind !== after.kind) return 'none';
  switch (after.kind) {
    case 'above':
    case 'atOrAbove':
      return before.kind === after.kind ? sign(before.limit - after.limit) : 'none';
    case 'below':
    case 'atOrBelow':
      return before.kind === after.kind ? sign(after.limit - before.limit) : 'none';
    case 'riseFromBaseline':
      return before.kind === 'riseFromBaseline' ? sign(before.delta - after.delta) : 'none';
    case 'outside': {
      if (before.kind !== 'outside') return 'none';
      const low = sign(after.low - before.low);
      const high = sign(before.high - after.high);
      if (low === high || high === 'none') return low;
      return low === 'none' ? high : 'none';
    }
  }
}

/** How long a condition must hold before it alerts, in comparable steps: none first. */
function confirmationEffect(before: Confirmation, after: Confirmation): Effect {
  if (before.kind === after.kind) {
    if (after.kind === 'consecutiveReadings' && before.kind === 'consecutiveReadings') return sign(before.count - after.count);
    if (after.kind === 'delaySeconds' && before.kind === 'delaySeconds') return sign(before.seconds - after.seconds);
    return 'none';
  }
  if (before.kind === 'none') return 'less';
  if (after.kind === 'none') return 'more';
  return 'none';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges(before: AlertRule, after: AlertRule): FieldChange[] {
  const changes: FieldChange[] = [];
  if (!same(before.comparison, after.comparison)) changes.push({ field: 'comparison', effect: comparisonEffect(before.comparison, after.comparison) });
  if (before.priority !== after.priority) changes.push({ field: 'priority', effect: sign(PRIORITY_RANK[after.priority] - PRIORITY_RANK[before.priority]) });
  if (!same(before.confirmation, after.confirmation)) changes.push({ field: 'confirmation', effect: confirmationEffect(before.confirmation, after.confirmation) });
  if (!same(before.hysteresis, after.hysteresis)) changes.push({ field: 'hysteresis', effect: 'none' });
  if (before.group !== after.group) changes.push({ field: 'group', effect: 'none' });
  return changes;
}

/**
 * The difference between the set as saved and the drafts, row by row: an existing rule
 * keeps its id, so it is matched to the saved one; an added rule is always "added", even if
 * its id repeats another (main refuses that, and the editor shows it at the id).
 */
export function diffRules(saved: readonly AlertRule[], drafts: readonly RuleDraft[]): RuleChange[] {
  const savedById = new Map(saved.map((rule) => [rule.id, rule]));
  const changes: RuleChange[] = [];
  for (const draft of drafts) {
    if (draft.isNew) {
      if (!draft.removed) changes.push({ kind: 'added', rule: ruleOf(draft) });
      continue;
    }
    const before = savedById.get(draft.id);
    if (!before) continue;
    if (draft.removed) {
      changes.push({ kind: 'removed', rule: before });
      continue;
    }
    const after = ruleOf(draft);
    const fields = fieldChanges(before, after);
    if (fields.length > 0) changes.push({ kind: 'changed', before, after, fields });
  }
  return changes;
}

/** Whether a single rule differs from another (the table marks it). */
export function ruleDiffers(before: AlertRule, after: AlertRule): boolean {
  return !same(before, after);
}

/** A change that makes alerting less sensitive: a rule removed, or one that alerts later, less often or less urgently. */
export function makesLessSensitive(change: RuleChange): boolean {
  return change.kind === 'removed' || (change.kind === 'changed' && change.fields.some((field) => field.effect === 'less'));
}
