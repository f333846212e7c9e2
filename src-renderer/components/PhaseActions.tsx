import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIONS_NEEDING_REASON, allowedActions } from '../../shared/clinical/phase-machine';
import type { Phase, PhaseAction } from '../../shared/domain/phase';
import type { SessionPanels } from '../store/session-selectors';
import { errorText } from '../format/error-text';
import { focusNextEntry } from '../hooks/focus-next-entry';
import { useAppStore } from '../store/app-store';
import { call } from '../transport/client';

/** Actions that end the infusion, the session or the patient's stay ask once more; a misclick here is an incident. */
const ACTIONS_TO_CONFIRM: readonly PhaseAction[] = ['stopInfusion', 'abort', 'discharge'];

/** Closing is a signature with the signer's PIN: the ClosePanel does it, not a header button. */
const headerActions = (phase: Phase) => allowedActions(phase).filter((action) => action !== 'close');

export function PhaseActions({ detail }: { detail: SessionPanels }) {
  const { t } = useTranslation();
  const setDetail = useAppStore((state) => state.setDetail);
  const [confirming, setConfirming] = useState<PhaseAction | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ text: string; gates: string } | null>(null);
  const { session, patient } = detail;
  // A refusal names the blockers of its moment; once main's gates change it no longer describes the session.
  const gates = `${session.phase}|${detail.startBlockers.join()}|${detail.dischargeBlockers.join()}`;
  const shownError = error?.gates === gates ? error.text : null;

  async function run(action: PhaseAction) {
    const result = await call('session/transition', { sessionId: session.id, action, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    if (!result.ok) {
      setError({ text: errorText(t, result.error), gates });
      // A refusal for a reason the nurse can give stays in the prompt; any other closes it, naming what blocks.
      if (!ACTIONS_NEEDING_REASON.includes(action)) setConfirming(null);
      return;
    }
    setConfirming(null);
    setReason('');
    setError(null);
    const fresh = await call('session/get', { sessionId: session.id });
    if (fresh.ok) setDetail(fresh.value);
    focusNextEntry();
  }

  function cancel() {
    setConfirming(null);
    focusNextEntry();
  }

  if (confirming) {
    const needsReason = ACTIONS_NEEDING_REASON.includes(confirming);
    return (
      <form
        className="phase-confirm"
        data-testid="phase-confirm"
        onKeyDown={(e) => {
          if (e.key === 'Escape') cancel();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          void run(confirming);
        }}
      >
        <span>{t('session.confirmAction', { action: t(`session.action.${confirming}`), patient: `${patient.familyName}, ${patient.givenName}`, chair: session.chair })}</span>
        {needsReason && <input aria-label={t('session.abortReason')} placeholder={t('session.abortReason')} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />}
        <button type="submit" className="primary" autoFocus={!needsReason}>
          {t('session.confirm')}
        </button>
        <button type="button" onClick={cancel}>
          {t('session.cancel')}
        </button>
        {shownError && <span className="field-error">{shownError}</span>}
      </form>
    );
  }

  return (
    <div className="phase-actions">
      {headerActions(session.phase).map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'abort' ? 'danger' : action === 'startInfusion' || action === 'resumeInfusion' ? 'primary' : undefined}
          onClick={() => (ACTIONS_TO_CONFIRM.includes(action) ? setConfirming(action) : void run(action))}
        >
          {t(`session.action.${action}`)}
        </button>
      ))}
      {detail.signedByName && (
        <span className="ok" data-testid="signed-by">
          ✓ {t('close.signedBy', { name: detail.signedByName })}
        </span>
      )}
      {shownError && <span className="field-error">{shownError}</span>}
    </div>
  );
}
