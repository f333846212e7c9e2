import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import type { AppError } from '../../../shared/result';
import { useAnswer } from '../../hooks/use-answer';
import { call } from '../../transport/client';

/**
 * A session's rules as main applies them. Asked again whenever `revision` changes (the
 * store's session record, replaced on every change main announces), and replaced at once by
 * the answer to an override made here.
 */
export function useSessionRules(sessionId: number, revision: unknown): { view: RuleSetView | null; error: AppError | null; replace(view: RuleSetView): void } {
  const { value, error, replace } = useAnswer(() => call('rules/get', { sessionId }), { of: [sessionId], refresh: [revision] });
  return { view: value, error, replace };
}
