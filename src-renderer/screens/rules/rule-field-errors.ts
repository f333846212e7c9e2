import type { TFunction } from 'i18next';
import type { AppError } from '../../../shared/result';
import { ruleOf, type DraftField, type RuleDraft } from './rule-draft';
import { errorSpots, ruleErrorText } from './rule-error';
import { ruleUnit } from './rule-text';

/** Fields the editor shows for a rule: every rule's numbers; a new rule's id and group too. */
function shown(draft: RuleDraft, field: DraftField): boolean {
  if (field === 'hysteresis' || field.startsWith('comparison.') || field.startsWith('confirmation.')) return true;
  return draft.isNew && (field === 'id' || field === 'group');
}

function unitOf(t: TFunction, draft: RuleDraft, field: DraftField): string {
  if (field === 'confirmation.count') return t('rules.unit.readings');
  if (field === 'confirmation.seconds') return t('rules.unit.seconds');
  if (field === 'hysteresis' || field.startsWith('comparison.')) return ruleUnit(t, draft.parameter);
  return '';
}

export interface PlacedErrors {
  /** By draft key, then field. */
  byRule: Record<string, Partial<Record<DraftField, string>>>;
  reason: string | null;
  /** A refusal no shown field can carry. */
  form: string | null;
}

export const NO_ERRORS: PlacedErrors = { byRule: {}, reason: null, form: null };

/** Main's refusal, put beside the field it names, in the reader's language. */
export function placeErrors(t: TFunction, error: AppError, sent: readonly RuleDraft[], prefix: 'rules' | 'rule'): PlacedErrors {
  const placed: PlacedErrors = { byRule: {}, reason: null, form: null };
  for (const spot of errorSpots(error, sent, prefix)) {
    const draft = spot.at === 'rule' ? sent.find((candidate) => candidate.key === spot.key) : undefined;
    if (spot.at === 'reason') placed.reason = ruleErrorText(t, error, t('rules.field.reason'));
    else if (spot.at === 'rule' && draft && shown(draft, spot.field)) {
      const text = ruleErrorText(t, error, t(`rules.field.${spot.field}`), unitOf(t, draft, spot.field), ruleOf(draft).id);
      placed.byRule[draft.key] = { ...placed.byRule[draft.key], [spot.field]: text };
    } else placed.form = ruleErrorText(t, error, '');
  }
  return placed;
}
