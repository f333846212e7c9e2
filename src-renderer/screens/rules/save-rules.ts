import type { AlertRule } from '../../../shared/clinical/alert-rules';
import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import type { AppError } from '../../../shared/result';
import { call } from '../../transport/client';
import { scopeRequest, type RuleScope } from './scope';

export type SaveOutcome = { kind: 'saved'; view: RuleSetView } | { kind: 'refused'; error: AppError } | { kind: 'stale'; current: RuleSetView };

/**
 * Saves a scope's set with the reason. Main keeps no version to compare with, so the set is
 * read again first: if someone saved it since this edit began, nothing is sent and the
 * editor says who, rather than overwrite their change unseen.
 */
export async function saveRules(scope: RuleScope, editedFrom: RuleSetView, rules: AlertRule[], reason: string): Promise<SaveOutcome> {
  const fresh = await call('rules/get', scopeRequest(scope));
  if (fresh.ok && (fresh.value.source !== editedFrom.source || fresh.value.changedAt !== editedFrom.changedAt)) return { kind: 'stale', current: fresh.value };
  const result = await call('rules/set', { ...scopeRequest(scope), rules, reason });
  return result.ok ? { kind: 'saved', view: result.value } : { kind: 'refused', error: result.error };
}
