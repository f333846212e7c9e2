import { PHQ9_ITEM_IDS, type Phq9Answers } from '../../shared/clinical/phq9';
import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import type { PatientDetailsInput } from '../../shared/domain/patient';
import type { ReadingValues } from '../../shared/domain/reading';
import { expect, PATIENT_A, PHYSICIAN } from './fixtures';
import type { RunningHost } from './host';
import { seedChairs } from './seed';
import { createAccount, withConnection } from './wire';

export const CHAIR_NURSE = { username: 'lee.moreno', displayName: 'Lee Moreno', pin: '550731' };

type Call = Parameters<Parameters<typeof withConnection>[1]>[0];

async function must<T>(result: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const answer = await result;
  expect(answer.ok ? 'ok' : answer.error?.message).toBe('ok');
  return answer.value as T;
}

/** The clinic through the contract: the first account (physician), the clinic's chairs and a nurse. */
export async function seedClinic(host: RunningHost): Promise<void> {
  await withConnection(host, async (call) => {
    await must(call('auth/setup', { username: PHYSICIAN.username, displayName: PHYSICIAN.displayName, pin: PHYSICIAN.pin }));
  });
  await seedChairs(host);
  // The nurse gets a one-time code (co-signed by the physician) and chooses her own PIN.
  await createAccount(host, PHYSICIAN, CHAIR_NURSE, ['nurse']);
}

async function standardProtocolId(call: Call): Promise<number> {
  const protocols = await must<{ id: number; name: string }[]>(call('protocol/list', {}));
  const standard = protocols.find((protocol) => protocol.name.startsWith('Depression — standard'));
  expect(standard).toBeDefined();
  return standard?.id ?? 0;
}

/** Registers a patient and opens a session on the standard protocol, screened clear; `start` also starts the infusion. */
export async function seedSession(host: RunningHost, options: { chair?: string; start?: boolean; patient?: typeof PATIENT_A } = {}): Promise<number> {
  const patient = options.patient ?? PATIENT_A;
  return withConnection(host, async (call) => {
    await must(call('auth/signIn', { username: PHYSICIAN.username, pin: PHYSICIAN.pin }));
    const created = await must<{ id: number }>(call('patient/create', { ...patient, weightKg: Number(patient.weightKg) }));
    const session = await must<{ id: number }>(call('session/create', { patientId: created.id, chair: options.chair ?? 'Chair 1', protocolId: await standardProtocolId(call) }));
    const contraindications = Object.fromEntries(CONTRAINDICATIONS.map((id) => [id, false])) as Record<(typeof CONTRAINDICATIONS)[number], boolean>;
    await must(call('screening/record', { sessionId: session.id, contraindications, coMedications: [], consentGiven: true, escortArranged: true }));
    await must(call('reading/add', { sessionId: session.id, values: { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 80, spo2Pct: 98, respiratoryRatePerMin: 14, moaasScore: 5 }, confirmed: [] }));
    if (options.start) await must(call('session/transition', { sessionId: session.id, action: 'startInfusion' }));
    return session.id;
  });
}

/** Charts readings through the contract as the physician (the UI's own charting has its own specs). */
export async function seedReadings(host: RunningHost, sessionId: number, readings: readonly ReadingValues[], stepMs = 0): Promise<void> {
  await withConnection(host, async (call) => {
    await must(call('auth/signIn', { username: PHYSICIAN.username, pin: PHYSICIAN.pin }));
    for (const values of readings) {
      if (stepMs) await host.advanceClock(stepMs);
      await must(call('reading/add', { sessionId, values, confirmed: [] }));
    }
  });
}

/** PHQ-9 answers summing to `total` (at most 24), item 9 at 0. */
export function phq9Answers(total: number): Phq9Answers {
  let left = total;
  return Object.fromEntries(
    PHQ9_ITEM_IDS.map((id) => {
      const score = id === 'selfHarm' ? 0 : Math.min(3, left);
      left -= score;
      return [id, score];
    }),
  ) as Phq9Answers;
}

const HOUR_MS = 60 * 60_000;

/**
 * One whole past session of a course through the contract: PHQ-9, the infusion with a peak
 * SBP and dissociation, recovery, discharge and the signed close; then a day passes.
 */
export async function seedCourseSession(host: RunningHost, patientId: number, chair: string, figures: { phq9Total: number; peakSystolicMmHg: number; dissociationLevel: number }): Promise<number> {
  return withConnection(host, async (call) => {
    await must(call('auth/signIn', { username: PHYSICIAN.username, pin: PHYSICIAN.pin }));
    const session = await must<{ id: number }>(call('session/create', { patientId, chair, weightKg: 80, protocolId: await standardProtocolId(call) }));
    const sessionId = session.id;
    const contraindications = Object.fromEntries(CONTRAINDICATIONS.map((id) => [id, false])) as Record<(typeof CONTRAINDICATIONS)[number], boolean>;
    await must(call('screening/record', { sessionId, contraindications, coMedications: [], consentGiven: true, escortArranged: true }));
    await must(call('phq9/record', { sessionId, answers: phq9Answers(figures.phq9Total) }));
    await must(call('reading/add', { sessionId, values: { heartRateBpm: 70, systolicMmHg: 122, diastolicMmHg: 78, spo2Pct: 98 }, confirmed: [] }));
    await must(call('session/transition', { sessionId, action: 'startInfusion' }));
    await host.advanceClock(20 * 60_000);
    await must(call('reading/add', { sessionId, values: { heartRateBpm: 84, systolicMmHg: figures.peakSystolicMmHg, diastolicMmHg: 88, spo2Pct: 97, dissociationLevel: figures.dissociationLevel }, confirmed: [] }));
    await host.advanceClock(20 * 60_000);
    await must(call('session/transition', { sessionId, action: 'stopInfusion' }));
    await host.advanceClock(HOUR_MS);
    await must(call('reading/add', { sessionId, values: { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 80, spo2Pct: 98 }, confirmed: [] }));
    const aldrete = { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2 };
    await must(call('discharge/assess', { sessionId, aldrete, escortPresent: true, noDrivingInstructionGiven: true }));
    await must(call('session/transition', { sessionId, action: 'discharge' }));
    await must(call('session/transition', { sessionId, action: 'close', pin: PHYSICIAN.pin }));
    await host.advanceClock(22 * HOUR_MS);
    return sessionId;
  });
}

export async function seedPatient(host: RunningHost, patient = PATIENT_A, details: PatientDetailsInput = {}): Promise<number> {
  return withConnection(host, async (call) => {
    await must(call('auth/signIn', { username: PHYSICIAN.username, pin: PHYSICIAN.pin }));
    return (await must<{ id: number }>(call('patient/create', { ...patient, weightKg: Number(patient.weightKg), ...details }))).id;
  });
}
