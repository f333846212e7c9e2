import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall, useSignedInUser } from '../store/access';
import { AlarmSettingsCard } from './rules/AlarmSettingsCard';
import { reachText } from './rules/reach-text';
import { RuleSource } from './rules/RuleSource';
import { RulesEditor } from './rules/RulesEditor';
import { RuleTable } from './rules/RuleTable';
import { ScopePicker } from './rules/ScopePicker';
import { CLINIC_SCOPE, type RuleScope } from './rules/scope';
import { useProtocolScopes } from './rules/use-protocol-scopes';
import { useRuleSet } from './rules/use-rule-set';
import './admin.css';
import './rules/rules.css';

/**
 * The alert rules: the clinic-wide set or a protocol's, where it comes from and who last
 * changed it. Everyone on the clinical staff reads them; a physician edits a set and saves
 * it with a reason after reviewing the difference, and changes the clinic's alarm settings.
 */
export function RulesScreen() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const canEdit = mayCall(user, 'rules/set');
  const [scope, setScope] = useState<RuleScope>(CLINIC_SCOPE);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const { view, error } = useRuleSet(scope, reloads);
  const protocols = useProtocolScopes(reloads);
  const protocol = scope.kind === 'protocol' ? (protocols.find((candidate) => candidate.familyId === scope.familyId) ?? null) : null;

  return (
    <main className="admin-screen rules-screen" data-testid="rules-screen">
      <div className="toolbar">
        <h1>{t('rules.title')}</h1>
        <ScopePicker
          scope={scope}
          protocols={protocols}
          disabled={editing}
          onChange={(next) => {
            setNotice(null);
            setScope(next);
          }}
        />
        {canEdit && !editing && view && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {t('rules.edit.start')}
          </button>
        )}
      </div>
      <p className="muted screen-intro">{canEdit ? t('rules.intro') : t('rules.readOnly')}</p>
      {notice && (
        <p className="notice" role="status" data-testid="rules-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className={`rules-layout ${editing ? 'rules-layout-editing' : ''}`}>
        <div className="rules-main">
          {view && <RuleSource view={view} scope={scope} protocolName={protocol?.name ?? null} />}
          {view && editing && (
            <RulesEditor
              scope={scope}
              view={view}
              reach={reachText(t, scope, view, protocols)}
              onSaved={(saved) => {
                setEditing(false);
                setNotice(t('rules.saved', { count: saved.baseRules.length }));
                setReloads((count) => count + 1);
              }}
              onCancel={() => setEditing(false)}
            />
          )}
          {view && !editing && (
            <div className="card table-card" tabIndex={0} role="region" aria-label={t('rules.title')}>
              {/* Scrolls sideways on a narrow window: focusable so the keyboard can scroll it too. */}
              <RuleTable rules={view.baseRules} />
            </div>
          )}
          {!view && !error && <p className="muted">{t('app.loading')}</p>}
        </div>
        <aside className="rules-side">
          <AlarmSettingsCard canEdit={mayCall(user, 'settings/update')} />
        </aside>
      </div>
    </main>
  );
}
