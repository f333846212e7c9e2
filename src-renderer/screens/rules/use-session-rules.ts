import { useEffect, useState } from 'react';
import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import type { AppError } from '../../../shared/result';
import { call } from '../../transport/client';

type Loaded = { sessionId: number; view: RuleSetView | null; error: AppError | null };

/**
 * A session's rules as main applies them. Asked again whenever `revision` changes (the
 * store's session record, replaced on every change main announces), and replaced at once by
 * the answer to an override made here.
 */
export function useSessionRules(sessionId: number, revision: unknown): { view: RuleSetView | null; error: AppError | null; replace(view: RuleSetView): void } {
  const [loaded, setLoaded] = useState<Loaded>({ sessionId, view: null, error: null });
  useEffect(() => {
    let current = true;
    void call('rules/get', { sessionId }).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { sessionId, view: result.value, error: null } : { sessionId, view: null, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [sessionId, revision]);
  const shown = loaded.sessionId === sessionId ? loaded : { view: null, error: null };
  return { view: shown.view, error: shown.error, replace: (view) => setLoaded({ sessionId, view, error: null }) };
}
