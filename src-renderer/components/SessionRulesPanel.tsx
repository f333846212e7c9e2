import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_PHASES } from '../../shared/domain/phase';
import { errorText } from '../format/error-text';
import { SessionOverrideForm } from '../screens/rules/SessionOverrideForm';
import { SessionOverrideList } from '../screens/rules/SessionOverrideList';
import { SessionRuleItem } from '../screens/rules/SessionRuleItem';
import { sessionRuleRows } from '../screens/rules/session-rules';
import { useSessionRules } from '../screens/rules/use-session-rules';
import { mayCall, useSignedInUser } from '../store/access';
import { useAppStore } from '../store/app-store';
import '../screens/admin.css';
import '../screens/rules/rules.css';

/**
 * The alert thresholds this session runs under, collapsible in the side column while the
 * session is open: where they come from, which differ for this session (who, when, why),
 * and, for a physician, a change to one rule for this session only.
 */
export function SessionRulesPanel({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const session = useAppStore((state) => state.details[sessionId]?.session);
  const { view, error, replace } = useSessionRules(sessionId, session);
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState<string | null>(null);
  if (!session || !OPEN_PHASES.includes(session.phase)) return null;

  const canOverride = mayCall(user, 'rules/overrideForSession');
  const rows = view ? sessionRuleRows(view) : [];
  const differing = rows.filter((row) => row.state !== 'asSet').length;

  return (
    <details className="card session-rules" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="session-rules">
      <summary>
        <h2>{t('rules.session.title')}</h2>
        {view && (
          <span className="session-rules-summary">
            {t(`rules.session.source.${view.source}`)} · {t('rules.session.inForce', { count: view.effectiveRules.length })}
            {differing > 0 && (
              <strong className="session-rules-differing" data-testid="session-rules-differing">
                {' '}
                · {t('rules.session.differing', { count: differing })}
              </strong>
            )}
          </span>
        )}
      </summary>
      {error && (
        <p className="field-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {view && (
        <>
          <ul className="session-rule-list">
            {rows.map((row) => (
              <li key={row.id}>
                <SessionRuleItem row={row} canOverride={canOverride} open={changing === row.id} onChange={() => setChanging(row.id)} />
                {changing === row.id && (
                  <SessionOverrideForm
                    sessionId={sessionId}
                    row={row}
                    onSaved={(saved) => {
                      replace(saved);
                      setChanging(null);
                    }}
                    onCancel={() => setChanging(null)}
                  />
                )}
              </li>
            ))}
          </ul>
          {!canOverride && <p className="muted">{t('rules.session.readOnly')}</p>}
          <SessionOverrideList overrides={view.overrides} />
        </>
      )}
    </details>
  );
}
