import { useTranslation } from 'react-i18next';
import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import { ChangedBy } from './ChangedBy';
import type { RuleScope } from './scope';

interface Props {
  view: RuleSetView;
  scope: RuleScope;
  /** The chosen protocol's name, for a protocol scope. */
  protocolName: string | null;
}

/** Where the shown rules come from (Vigil's defaults, the clinic's set or the protocol's), and who last changed them, when and why. */
export function RuleSource({ view, scope, protocolName }: Props) {
  const { t } = useTranslation();
  const inherited = scope.kind === 'protocol' && view.source !== 'protocol';
  return (
    <section className="card rule-source" data-testid="rule-source" data-source={view.source} aria-label={t('rules.source.label')}>
      <p className="rule-source-line">
        <span className="muted">{t('rules.source.label')}</span>
        <strong className={`source-badge source-${view.source}`} data-testid="rule-source-name">
          {view.source === 'protocol' ? t('rules.source.protocol', { name: protocolName ?? '' }) : t(`rules.source.${view.source}`)}
        </strong>
        <span className="muted">{t('rules.source.count', { count: view.baseRules.length })}</span>
      </p>
      {inherited && <p className="rule-source-note">{view.source === 'clinic' ? t('rules.source.inheritsClinic') : t('rules.source.inheritsDefault')}</p>}
      {view.changedAt !== null && view.changedByName !== null ? (
        <ChangedBy name={view.changedByName} at={view.changedAt} reason={view.changeReason ?? ''} testId="rule-source-changed" />
      ) : (
        <p className="muted rule-source-note">{t('rules.source.neverChanged')}</p>
      )}
    </section>
  );
}
