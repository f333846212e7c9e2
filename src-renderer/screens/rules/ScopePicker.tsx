import { useTranslation } from 'react-i18next';
import { scopeFromValue, scopeValue, type RuleScope } from './scope';
import type { ProtocolScope } from './use-protocol-scopes';

interface Props {
  scope: RuleScope;
  protocols: readonly ProtocolScope[];
  /** Locked while a set is being edited, so an edit is never saved to another scope. */
  disabled: boolean;
  onChange(scope: RuleScope): void;
}

/** The clinic-wide set, or one protocol's (marked when it has a set of its own). */
export function ScopePicker({ scope, protocols, disabled, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <label className="rule-scope" htmlFor="rule-scope">
      <span>{t('rules.scope.label')}</span>
      <select id="rule-scope" value={scopeValue(scope)} disabled={disabled} onChange={(event) => onChange(scopeFromValue(event.target.value))}>
        <option value="clinic">{t('rules.scope.clinic')}</option>
        {protocols.length > 0 && (
          <optgroup label={t('rules.scope.protocols')}>
            {protocols.map((protocol) => (
              <option key={protocol.familyId} value={scopeValue({ kind: 'protocol', familyId: protocol.familyId })}>
                {t(protocol.ownSet ? 'rules.scope.protocolOwn' : 'rules.scope.protocolInherits', { name: protocol.name, version: protocol.version })}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
