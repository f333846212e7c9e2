import type { Phase } from '../domain/phase';
import type { EpochMs, Id } from '../domain/common';
import type { SessionTimer } from '../domain/session';

export interface PhaseChange {
  toPhase: Phase;
  at: EpochMs;
}

/** When the infusion first started (what `computeSessionTimer` gives as infusionStartedAt), without the rest of the clock. */
export function infusionStartOf(changes: readonly PhaseChange[]): EpochMs | null {
  for (const change of changes) if (change.toPhase === 'infusing') return change.at;
  return null;
}

/**
 * The session clock derived only from stored phase changes (oldest first) and "now", so a
 * restart resumes exactly where the session was. Infusion time excludes pauses; recovery
 * runs from the end of the infusion to discharge; total runs from the first start.
 */
export function computeSessionTimer(
  sessionId: Id,
  changes: readonly PhaseChange[],
  nowAt: EpochMs,
  plannedInfusionMs: number | null,
): SessionTimer {
  let phase: Phase = 'screening';
  let phaseSince = 0;
  let infusionStartedAt: EpochMs | null = null;
  let infusionEndedAt: EpochMs | null = null;
  let recoveryStartedAt: EpochMs | null = null;
  let recoveryEndedAt: EpochMs | null = null;
  let sessionEndedAt: EpochMs | null = null;
  let infusionElapsedMs = 0;
  let pausedElapsedMs = 0;

  const close = (until: EpochMs) => {
    const span = Math.max(0, until - phaseSince);
    if (phase === 'infusing') infusionElapsedMs += span;
    if (phase === 'paused') pausedElapsedMs += span;
  };

  for (const change of changes) {
    close(change.at);
    if (change.toPhase === 'infusing' && infusionStartedAt === null) infusionStartedAt = change.at;
    if (change.toPhase === 'recovery') {
      infusionEndedAt = change.at;
      recoveryStartedAt = change.at;
    }
    if ((change.toPhase === 'discharged' || change.toPhase === 'closed' || change.toPhase === 'aborted') && recoveryStartedAt !== null && recoveryEndedAt === null) {
      recoveryEndedAt = change.at;
    }
    if (change.toPhase === 'aborted' && infusionStartedAt !== null && infusionEndedAt === null) infusionEndedAt = change.at;
    // The patient's session ends when they leave (discharge) or it is cut short; closing is paperwork.
    if ((change.toPhase === 'discharged' || change.toPhase === 'closed' || change.toPhase === 'aborted') && sessionEndedAt === null) sessionEndedAt = change.at;
    phase = change.toPhase;
    phaseSince = change.at;
  }
  const clockAt = Math.max(nowAt, phaseSince);
  close(clockAt);

  const recoveryElapsedMs =
    recoveryStartedAt === null ? 0 : Math.max(0, (recoveryEndedAt ?? clockAt) - recoveryStartedAt);
  const totalElapsedMs =
    infusionStartedAt === null ? 0 : Math.max(0, (sessionEndedAt ?? clockAt) - infusionStartedAt);

  return {
    sessionId,
    phase,
    nowAt: clockAt,
    infusionStartedAt,
    infusionEndedAt,
    infusionElapsedMs,
    infusionRemainingMs: plannedInfusionMs === null ? null : plannedInfusionMs - infusionElapsedMs,
    pausedElapsedMs,
    recoveryStartedAt,
    recoveryElapsedMs,
    totalElapsedMs,
  };
}
