import type { TFunction } from 'i18next';
import type { AppError } from '../../../shared/result';
import { errorText } from '../../format/error-text';
import { fieldErrorText } from '../../format/field-error-text';
import type { DraftField, RuleDraft } from './rule-draft';

/** Where a refusal belongs: a field of one rule (by its draft key), the reason, or the form as a whole. */
export type ErrorSpot = { at: 'rule'; key: string; field: DraftField } | { at: 'reason' } | { at: 'form' };

const DRAFT_FIELDS: readonly string[] = [
  'id',
  'group',
  'parameter',
  'priority',
  'hysteresis',
  'comparison.limit',
  'comparison.low',
  'comparison.high',
  'comparison.delta',
  'confirmation.count',
  'confirmation.seconds',
];

function isDraftField(field: string): field is DraftField {
  return DRAFT_FIELDS.includes(field);
}

/**
 * Main names the first field it refuses as a path into the request: `rules.3.comparison.limit`,
 * `reason`, or `rules` for the whole list (two rules with one id). `sent` is the list as it
 * was sent, so the index finds the row; a duplicate id is shown on the rows that share it.
 * `prefix` is the path of the rules list (`rules`) or of a single rule (`rule`).
 */
export function errorSpots(error: AppError, sent: readonly RuleDraft[], prefix: 'rules' | 'rule'): ErrorSpot[] {
  const field = error.field ?? '';
  if (field === 'reason') return [{ at: 'reason' }];
  if (prefix === 'rules' && field === 'rules' && /own id/.test(error.message)) {
    const ids = sent.map((draft) => draft.id.trim());
    const shared = sent.filter((draft, index) => ids.indexOf(draft.id.trim()) !== index || ids.lastIndexOf(draft.id.trim()) !== index);
    const added = shared.filter((draft) => draft.isNew);
    const rows = added.length > 0 ? added : shared;
    if (rows.length > 0) return rows.map((draft) => ({ at: 'rule', key: draft.key, field: 'id' }));
    return [{ at: 'form' }];
  }
  // `rules.<n>.<field>` for a set, `rule.<field>` for a single rule.
  const parts = field.split('.');
  const skip = prefix === 'rules' ? 2 : 1;
  const draft = parts[0] === prefix ? sent[prefix === 'rules' ? Number(parts[1]) : 0] : undefined;
  const path = parts.slice(skip).join('.');
  if (draft && isDraftField(path)) return [{ at: 'rule', key: draft.key, field: path }];
  return [{ at: 'form' }];
}

/** Main's schema messages for a rule, in the reader's language; anything else as the app words it. */
const RULE_MESSAGES: readonly (readonly [pattern: RegExp, key: string])[] = [
  [/A rule id is/, 'rules.fieldError.id'],
  [/A group is/, 'rules.fieldError.group'],
  [/own id/, 'rules.fieldError.duplicateId'],
  [/At least (\d+) s/, 'rules.fieldError.atLeast'],
  [/At most (\d+) s/, 'rules.fieldError.atMost'],
  [/expected int/, 'rules.fieldError.whole'],
  [/expected number to be >0/, 'rules.fieldError.positive'],
  [/expected number to be >=(\d+)/, 'rules.fieldError.atLeast'],
  [/expected number to be <=(\d+)/, 'rules.fieldError.atMost'],
  [/expected number/, 'rules.fieldError.number'],
];

/** The text under a field: `what` names it, `unit` is the unit its number is in. */
export function ruleErrorText(t: TFunction, error: AppError, what: string, unit = '', id = ''): string {
  if (error.code !== 'invalid_request' || error.reason) return errorText(t, error);
  for (const [pattern, key] of RULE_MESSAGES) {
    const match = pattern.exec(error.message);
    if (match) return t(key, { what, unit, id, bound: match[1] ?? '' });
  }
  return fieldErrorText(t, error, what, unit);
}
