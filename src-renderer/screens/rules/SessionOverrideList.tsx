import { useTranslation } from 'react-i18next';
import type { SessionRuleOverride } from '../../../shared/domain/alert-rules-view';
import { formatDateTime } from '../../format/time';
import { PRIORITY_SYMBOL } from '../../components/AlertBanner';
import { ruleLine } from './rule-text';
import { replacedOverrideIds } from './session-rules';

/** Every threshold change made for this session, in order: what, who, when and why; a replaced one is marked. */
export function SessionOverrideList({ overrides }: { overrides: readonly SessionRuleOverride[] }) {
  const { t, i18n } = useTranslation();
  if (overrides.length === 0) return <p className="muted session-overrides-none">{t('rules.session.noOverrides')}</p>;
  const replaced = replacedOverrideIds(overrides);
  return (
    <div className="session-overrides">
      <h3>{t('rules.session.overridesTitle')}</h3>
      <ul data-testid="session-overrides">
        {overrides.map((override) => (
          <li key={override.id} className={replaced.has(override.id) ? 'override-earlier' : undefined} data-rule={override.ruleId}>
            <code>{override.ruleId}</code>{' '}
            {override.rule === null
              ? t('rules.session.switchedOff')
              : override.rule === 'inherit'
                ? t('rules.session.inherited')
                : t('rules.session.setTo', { rule: `${ruleLine(t, i18n.language, override.rule)} · ${PRIORITY_SYMBOL[override.rule.priority]} ${t(`alerts.priority.${override.rule.priority}`)}` })}
            <span className="override-who"> {t('rules.session.by', { name: override.userName, time: formatDateTime(override.at), reason: override.reason })}</span>
            {replaced.has(override.id) && <span> {t('rules.session.replaced')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
