import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import { errorText } from '../../format/error-text';
import { call } from '../../transport/client';
import type { RuleScope } from './scope';

type Loaded = { key: string; view: RuleSetView | null; error: string | null };

/**
 * The rule set of a scope as main has it. `reloads` asks again (after a save). A view loaded
 * for an earlier scope is never shown for the one now chosen.
 */
export function useRuleSet(scope: RuleScope, reloads: number): { view: RuleSetView | null; error: string | null } {
  const { t } = useTranslation();
  const familyId = scope.kind === 'protocol' ? scope.familyId : null;
  const key = `${familyId ?? 'clinic'}#${reloads}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', view: null, error: null });

  useEffect(() => {
    let current = true;
    const loadedKey = `${familyId ?? 'clinic'}#${reloads}`;
    void call('rules/get', familyId === null ? {} : { protocolFamilyId: familyId }).then((result) => {
      if (!current) return;
      if (result.ok) setLoaded({ key: loadedKey, view: result.value, error: null });
      else setLoaded({ key: loadedKey, view: null, error: t('rules.loadFailed', { message: errorText(t, result.error) }) });
    });
    return () => {
      current = false;
    };
  }, [familyId, reloads, t]);

  return loaded.key === key ? loaded : { view: null, error: null };
}
