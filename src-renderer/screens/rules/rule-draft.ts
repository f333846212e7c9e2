import type { AlertParameter, AlertPriority, AlertRule, Comparison, Confirmation } from '../../../shared/clinical/alert-rules';

export type ComparisonKind = Comparison['kind'];
export type ConfirmationKind = Confirmation['kind'];
export const COMPARISON_KINDS: readonly ComparisonKind[] = ['above', 'atOrAbove', 'below', 'atOrBelow', 'outside', 'riseFromBaseline'];
export const CONFIRMATION_KINDS: readonly ConfirmationKind[] = ['none', 'consecutiveReadings', 'delaySeconds'];

/**
 * One rule as the editor holds it: numbers as typed (strings), so a half-typed value is
 * kept as it is; main validates the whole set when it is saved.
 */
export interface RuleDraft {
  /** Stable while editing, whatever the id is changed to. */
  key: string;
  /** Added in this edit (its id, parameter, condition and group can still be chosen). */
  isNew: boolean;
  /** Marked for removal; still shown, struck through, until saved. */
  removed: boolean;
  id: string;
  parameter: AlertParameter;
  group: string;
  comparisonKind: ComparisonKind;
  limit: string;
  low: string;
  high: string;
  delta: string;
  priority: AlertPriority;
  confirmationKind: ConfirmationKind;
  count: string;
  seconds: string;
  hysteresis: string;
}

/** The draft fields a main error can name, as the path after `rules.<n>.` reads. */
export type DraftField = 'id' | 'group' | 'parameter' | 'priority' | 'hysteresis' | 'comparison.limit' | 'comparison.low' | 'comparison.high' | 'comparison.delta' | 'confirmation.count' | 'confirmation.seconds';

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

export function draftOf(rule: AlertRule, key: string = rule.id): RuleDraft {
  const c = rule.comparison;
  const f = rule.confirmation;
  return {
    key,
    isNew: false,
    removed: false,
    id: rule.id,
    parameter: rule.parameter,
    group: rule.group,
    comparisonKind: c.kind,
    limit: text(c.kind === 'outside' || c.kind === 'riseFromBaseline' ? undefined : c.limit),
    low: text(c.kind === 'outside' ? c.low : undefined),
    high: text(c.kind === 'outside' ? c.high : undefined),
    delta: text(c.kind === 'riseFromBaseline' ? c.delta : undefined),
    priority: rule.priority,
    confirmationKind: f.kind,
    count: text(f.kind === 'consecutiveReadings' ? f.count : undefined),
    seconds: text(f.kind === 'delaySeconds' ? f.seconds : undefined),
    hysteresis: String(rule.hysteresis),
  };
}

/** A rule the clinic adds: nothing chosen for it but the safest starting values. */
export function blankDraft(key: string): RuleDraft {
  return {
    key,
    isNew: true,
    removed: false,
    id: '',
    parameter: 'heartRateBpm',
    group: '',
    comparisonKind: 'above',
    limit: '',
    low: '',
    high: '',
    delta: '',
    priority: 'medium',
    confirmationKind: 'none',
    count: '',
    seconds: '',
    hysteresis: '0',
  };
}

/** A blank number goes as NaN (null on the wire), so main names the field instead of a 0 slipping through. */
function numberOf(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

function comparisonOf(draft: RuleDraft): Comparison {
  switch (draft.comparisonKind) {
    case 'outside':
      return { kind: 'outside', low: numberOf(draft.low), high: numberOf(draft.high) };
    case 'riseFromBaseline':
      return { kind: 'riseFromBaseline', delta: numberOf(draft.delta) };
    default:
      return { kind: draft.comparisonKind, limit: numberOf(draft.limit) };
  }
}

function confirmationOf(draft: RuleDraft): Confirmation {
  switch (draft.confirmationKind) {
    case 'none':
      return { kind: 'none' };
    case 'consecutiveReadings':
      return { kind: 'consecutiveReadings', count: numberOf(draft.count) };
    case 'delaySeconds':
      return { kind: 'delaySeconds', seconds: numberOf(draft.seconds) };
  }
}

export function ruleOf(draft: RuleDraft): AlertRule {
  return {
    id: draft.id.trim(),
    parameter: draft.parameter,
    comparison: comparisonOf(draft),
    priority: draft.priority,
    group: draft.group.trim(),
    confirmation: confirmationOf(draft),
    hysteresis: numberOf(draft.hysteresis),
  };
}

/** The set that would be saved: every draft not marked for removal, in the table's order. */
export function keptDrafts(drafts: readonly RuleDraft[]): RuleDraft[] {
  return drafts.filter((draft) => !draft.removed);
}

const kebab = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** What the rule watches, in words an id can hold: "heart-rate-bpm-above-130". */
function describingId(draft: RuleDraft): string {
  const values = draft.comparisonKind === 'outside' ? [draft.low, draft.high] : [draft.comparisonKind === 'riseFromBaseline' ? draft.delta : draft.limit];
  const limit = values.map((value) => kebab(value.trim())).filter(Boolean).join('-') || 'new';
  return kebab(`${draft.parameter}-${draft.comparisonKind}-${limit}`).slice(0, 52).replace(/-+$/, '');
}

/**
 * A rule the clinic adds gets its id here, from what it watches, never typed: an id is how
 * main tells rules apart, not something a clinician should have to invent. Unique within the
 * set (a number is added when the words are taken).
 */
export function withGeneratedIds(drafts: readonly RuleDraft[]): RuleDraft[] {
  const taken = new Set(drafts.filter((draft) => draft.id.trim() !== '').map((draft) => draft.id.trim()));
  return drafts.map((draft) => {
    if (!draft.isNew || draft.id.trim() !== '') return draft;
    const base = describingId(draft);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return { ...draft, id };
  });
}
