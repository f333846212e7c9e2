import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import type { ReadingValues } from '../../shared/domain/reading';
import { expect, PATIENT_A, PHYSICIAN } from './fixtures';
import type { RunningHost } from './host';
import { createAccount, withConnection } from './wire';

export const CHAIR_NURSE = { username: 'lee.moreno', displayName: 'Lee Moreno', pin: '550731' };

type Call = Parameters<Parameters<typeof withConnection>[1]>[0];

async function must<T>(result: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const answer = await result;
  expect(answer.ok ? 'ok' : answer.error?.message).toBe('ok');
  return answer.value as T;
}

/** The clinic through the contract: the first account (physician) and a nurse. */
export async function seedClinic(host: RunningHost): Promise<void> {
  await withConnection(host, async (call) => {
    await must(call('auth/setup', { username: PHYSICIAN.username, displayName: PHYSICIAN.displayName, pin: PHYSICIAN.pin }));
  });
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
