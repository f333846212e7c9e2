import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract/channels';
import type { Alert } from '../../shared/domain/alert';
import type { ContraindicationAnswers } from '../../shared/domain/screening';
import type { Reading, ReadingValues } from '../../shared/domain/reading';

/** A contract call that must succeed (throws with the error otherwise), whatever the transport. */
export type Caller = <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;

export interface SeedActors {
  nurse: Caller;
  /** Signed in with the physician role. */
  physician: Caller;
  /** The nurse's PIN, to sign the close. */
  nursePin: string;
  /** Moves the core's clock to `at` (epoch ms), letting the scheduled checks look as the ticker would. */
  clockTo(at: number): Promise<void>;
  now(): number;
}

export interface SeedOptions {
  mrn: string;
  familyName?: string;
  givenName?: string;
  chair?: string;
  /** Readings every `intervalMinutes` during `infusionMinutes` (the protocol runs 40 min; longer runs overrun). */
  infusionMinutes?: number;
  intervalMinutes?: number;
  /** A systolic spike (a new high alert, cleared by the next reading) every this many minutes after the first hour. */
  spikeEveryMinutes?: number;
}

export interface SeededSession {
  sessionId: number;
  patient: { mrn: string; familyName: string; givenName: string };
  /** Every reading charted, as the contract answered it (corrections and originals included). */
  readings: Reading[];
  corrected: { original: Reading; correction: Reading; reason: string };
  artifact: { reading: Reading; reason: string };
  late: Reading;
  acknowledgements: { alert: Alert; note: string }[];
  override: { kind: 'minimumRecovery'; reason: string };
  closedAt: number;
}

const MINUTE = 60_000;
const noContraindications = () => Object.fromEntries(CONTRAINDICATIONS.map((key) => [key, false])) as ContraindicationAnswers;

/**
 * One finished session under the standard depression protocol, charted through the contract
 * as a clinic would: a benzodiazepine taken that morning, a baseline, a high systolic alert
 * the physician acknowledges with a note, a typo corrected, an SpO2 probe-off read marked as
 * an artifact (its alert acknowledged first), a reading entered late, a physician override of
 * the minimum recovery time, the discharge, and the nurse's signed close.
 */
export async function seedFinishedSession(actors: SeedActors, options: SeedOptions): Promise<SeededSession> {
  const { nurse, physician } = actors;
  const infusionMinutes = options.infusionMinutes ?? 40;
  const interval = options.intervalMinutes ?? 5;
  const readings: Reading[] = [];
  const chart = async (values: ReadingValues, observedAt?: number) => {
    const { reading, alerts } = await nurse('reading/add', { sessionId, values, ...(observedAt === undefined ? {} : { observedAt }) });
    readings.push(reading);
    return { reading, alerts };
  };
  const vitals = (systolicMmHg: number, diastolicMmHg: number, heartRateBpm: number, extra: ReadingValues = {}): ReadingValues => ({
    heartRateBpm,
    systolicMmHg,
    diastolicMmHg,
    spo2Pct: 98,
    respiratoryRatePerMin: 14,
    ...extra,
  });

  const protocol = (await nurse('protocol/list', { includeRetired: false })).find((p) => p.name === 'Depression — standard');
  if (!protocol) throw new Error('the standard protocol is missing');
  const patientInput = {
    mrn: options.mrn,
    familyName: options.familyName ?? 'Okafor',
    givenName: options.givenName ?? 'Chidi',
    dateOfBirth: '1980-05-17',
    weightKg: 80,
  };
  const patient = await nurse('patient/create', patientInput);
  const start0 = actors.now();
  const session = await nurse('session/create', { patientId: patient.id, chair: options.chair ?? 'Chair 2', protocolId: protocol.id });
  const sessionId = session.id;
  await actors.clockTo(start0 + 2 * MINUTE);
  await nurse('screening/record', {
    sessionId,
    contraindications: noContraindications(),
    coMedications: [{ name: 'Lorazepam', medicationClass: 'benzodiazepine' }],
    consentGiven: true,
    escortArranged: true,
  });
  await actors.clockTo(start0 + 4 * MINUTE);
  await chart(vitals(124, 78, 72, { moaasScore: 5, dissociationLevel: 0 }));
  const S = start0 + 5 * MINUTE;
  const at = (minutes: number) => S + minutes * MINUTE;
  await actors.clockTo(S);
  await nurse('session/transition', { sessionId, action: 'startInfusion' });

  const acknowledgements: SeededSession['acknowledgements'] = [];
  let corrected: SeededSession['corrected'] | null = null;
  let artifact: SeededSession['artifact'] | null = null;
  let late: Reading | null = null;
  for (let minute = interval; minute <= infusionMinutes; minute += interval) {
    await actors.clockTo(at(minute));
    // A gentle rise that peaks around 40 minutes, as ketamine's does.
    const rise = Math.round(14 * Math.sin(Math.min(1, minute / 40) * (Math.PI / 2)));
    const base = vitals(126 + rise, 80 + Math.round(rise / 2), 74 + (minute % 7), { moaasScore: minute < 30 ? 4 : 5, dissociationLevel: minute < 30 ? 2 : 1 });
    if (minute === 10) {
      const { alerts } = await chart(vitals(186, 96, 88, { moaasScore: 4, dissociationLevel: 2 }));
      const high = alerts.find((a) => a.parameter === 'systolicMmHg' && a.priority === 'high');
      if (!high) throw new Error('expected SBP 186 to raise a high alert');
      const note = 'Repeat cuff in 5 min; no treatment, patient calm';
      acknowledgements.push({ alert: await physician('alert/acknowledge', { alertId: high.id, note }), note });
    } else if (minute === 15) {
      const { reading: original } = await chart(vitals(168, 88, 84, { moaasScore: 4, dissociationLevel: 2 }));
      await actors.clockTo(at(16));
      const reason = 'Typed 168 for 138';
      const { reading: correction } = await nurse('reading/correct', { readingId: original.id, values: vitals(138, 88, 84, { moaasScore: 4, dissociationLevel: 2 }), reason });
      readings.push(correction);
      corrected = { original, correction, reason };
    } else if (minute === 20) {
      const { reading, alerts } = await chart({ ...base, spo2Pct: 84 });
      const low = alerts.find((a) => a.parameter === 'spo2Pct');
      if (!low) throw new Error('expected SpO2 84 to raise an alert');
      const note = 'Probe off the finger; patient pink, breathing well';
      acknowledgements.push({ alert: await nurse('alert/acknowledge', { alertId: low.id, note }), note });
      await actors.clockTo(at(21));
      const reason = 'Probe slipped off the finger';
      const annotated = await nurse('reading/annotate', { readingId: reading.id, kind: 'artifact', reason });
      readings[readings.indexOf(reading)] = annotated.reading;
      artifact = { reading: annotated.reading, reason };
      await chart({ ...base, spo2Pct: 97 });
    } else if (minute === 25) {
      await chart(base);
      // The nurse enters a reading taken at minute 12 from the paper strip, thirteen minutes late.
      late = (await chart(vitals(150, 90, 80, { moaasScore: 4, dissociationLevel: 2 }), at(12))).reading;
    } else if (options.spikeEveryMinutes !== undefined && minute > 60 && minute % options.spikeEveryMinutes === 0) {
      await chart({ ...base, systolicMmHg: 184 });
    } else {
      await chart(base);
    }
  }
  await actors.clockTo(at(infusionMinutes + 1));
  await nurse('session/transition', { sessionId, action: 'stopInfusion' });
  for (const minute of [15, 30]) {
    await actors.clockTo(at(infusionMinutes + 1 + minute));
    await chart(vitals(128, 78, 72, { moaasScore: 5, dissociationLevel: 0 }));
  }
  await nurse('discharge/assess', {
    sessionId,
    aldrete: { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2 },
    escortPresent: true,
    noDrivingInstructionGiven: true,
  });
  const overrideReason = 'Escort must leave; patient fully alert, vitals at baseline for 30 min';
  await physician('override/add', { sessionId, kind: 'minimumRecovery', reason: overrideReason });
  await nurse('session/transition', { sessionId, action: 'discharge' });
  await actors.clockTo(at(infusionMinutes + 40));
  await nurse('session/transition', { sessionId, action: 'close', pin: actors.nursePin });
  if (!corrected || !artifact || !late) throw new Error('the seeded session needs at least 25 minutes of infusion');
  return {
    sessionId,
    patient: patientInput,
    readings,
    corrected,
    artifact,
    late,
    acknowledgements,
    override: { kind: 'minimumRecovery', reason: overrideReason },
    closedAt: actors.now(),
  };
}
