import { useTranslation } from 'react-i18next';
import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import { errorText } from '../../format/error-text';
import { useAnswer } from '../../hooks/use-answer';
import { call } from '../../transport/client';
import type { RuleScope } from './scope';

/**
 * The rule set of a scope as main has it. `reloads` asks again (after a save). A view loaded
 * for an earlier scope (or before the save) is never shown for the one now chosen.
 */
export function useRuleSet(scope: RuleScope, reloads: number): { view: RuleSetView | null; error: string | null } {
  const { t } = useTranslation();
  const familyId = scope.kind === 'protocol' ? scope.familyId : null;
  const { value, error } = useAnswer(() => call('rules/get', familyId === null ? {} : { protocolFamilyId: familyId }), { of: [familyId, reloads] });
  return { view: value, error: error && t('rules.loadFailed', { message: errorText(t, error) }) };
}
