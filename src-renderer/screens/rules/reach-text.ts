import type { TFunction } from 'i18next';
import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import type { RuleScope } from './scope';
import type { ProtocolScope } from './use-protocol-scopes';

/**
 * Which sessions a save reaches, said before the physician edits: the clinic set reaches
 * every session except those on a protocol with its own set; a protocol without one gets
 * its own, which the clinic set no longer reaches.
 */
export function reachText(t: TFunction, scope: RuleScope, view: RuleSetView, protocols: readonly ProtocolScope[]): string {
  if (scope.kind === 'clinic') {
    const own = protocols.filter((protocol) => protocol.ownSet).map((protocol) => protocol.name);
    return own.length === 0 ? t('rules.reach.clinic') : t('rules.reach.clinicExcept', { names: own.join(', ') });
  }
  return view.source === 'protocol' ? t('rules.reach.protocol') : t('rules.reach.protocolNew');
}
