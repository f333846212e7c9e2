/**
 * IHE PCD-01 ORU^R01 messages written after the examples of the IHE PCD Technical Framework
 * Vol. 2 (Device Enterprise Communication): an MDS/VMD/channel containment tree in OBX-4,
 * MDC codes in OBX-3, MDC units in OBX-6, the equipment's EUI-64 in OBX-18.
 * Segments end in CR, as HL7 v2 requires.
 */
export const NIBP_SAMPLE = [
  'MSH|^~\\&|AcmeInc^ACDE48234567ABCD^EUI-64||||20261129101530+0100||ORU^R01^ORU_R01|NIBP0001|P|2.6|||NE|AL||||||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO',
  'PID|||MRN-1001^^^Vigil^MR||Rivera^Ana^^^^^L',
  'PV1||I|Chair 2',
  'OBR|1|AB12345^AcmeInc^ACDE48234567ABCD^EUI-64|CD12345^AcmeInc^ACDE48234567ABCD^EUI-64|182777000^monitoring of patient^SNOMED-CT|||20261129101500+0100',
  'OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||0012345678ABCDEF^EUI-64',
  'OBX|2||69713^MDC_DEV_PRESS_BLD_NONINV_VMD^MDC|1.1.0.0|||||||X',
  'OBX|3||69714^MDC_DEV_PRESS_BLD_NONINV_CHAN^MDC|1.1.1.0|||||||X',
  'OBX|4|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.1.1.1|128|266016^MDC_DIM_MMHG^MDC|||||R|||20261129101500+0100',
  'OBX|5|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.1.1.2|76|266016^MDC_DIM_MMHG^MDC|||||R|||20261129101500+0100',
  'OBX|6|NM|150023^MDC_PRESS_BLD_NONINV_MEAN^MDC|1.1.1.3|94|266016^MDC_DIM_MMHG^MDC|||||R|||20261129101500+0100',
].join('\r');

export const SPO2_SAMPLE = [
  'MSH|^~\\&|OxiGate^00AA11BB22CC33DD^EUI-64||||20261129093001+0000||ORU^R01^ORU_R01|SPO2-77|P|2.6|||NE|AL',
  'PID|||MRN-1001^^^Vigil^MR||Rivera^Ana',
  'OBR|1|||182777000^monitoring of patient^SNOMED-CT|||20261129093000+0000',
  'OBX|1||69642^MDC_DEV_ANALY_SAT_O2_MDS^MDC|1.0.0.0|||||||X|||||||00AA11BB22CC33DD^EUI-64',
  'OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.1.1.1|96|262688^MDC_DIM_PERCENT^MDC|||||R',
  'OBX|3|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.1.1.2|72|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R',
].join('\r');

/**
 * A multiparameter monitor's minute: ECG heart rate and the oximeter's pulse (ECG wins), a
 * cuff pressure sent in kPa, respiration, temperature in Fahrenheit, etCO2 (not an MDC code
 * Vigil maps), a value marked not obtained, and one with an impossible unit.
 */
export const MULTI_SAMPLE = [
  'MSH|^~\\&|Gateway^0000000000000001^EUI-64||||20261129120105+0000||ORU^R01^ORU_R01|MULTI-9|P|2.6|||NE|AL',
  'PID|||MRN-2002^^^Vigil^MR||Okafor^Chidi',
  'OBR|1|||182777000^monitoring of patient^SNOMED-CT|||20261129120100+0000',
  'OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||FEDCBA9876543210^EUI-64',
  'OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|81|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R',
  'OBX|3|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.2.1.1|79|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R',
  'OBX|4|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.2|98|%^percent^UCUM|||||R',
  'OBX|5|NM|150301^MDC_PRESS_CUFF_SYS^MDC|1.3.1.1|16.0|265987^MDC_DIM_KILO_PASCAL^MDC|||||R|||20261129120030+0000',
  'OBX|6|NM|150302^MDC_PRESS_CUFF_DIA^MDC|1.3.1.2|10.4|kPa^^UCUM|||||R|||20261129120030+0000',
  'OBX|7|NM|151562^MDC_RESP_RATE^MDC|1.4.1.1|14|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R',
  'OBX|8|NM|150344^MDC_TEMP^MDC|1.5.1.1|98.6|266560^MDC_DIM_FAHR^MDC|||||R',
  'OBX|9|NM|151708^MDC_AWAY_CO2_ET^MDC|1.6.1.1|38|266016^MDC_DIM_MMHG^MDC|||||R',
  'OBX|10|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.3||262688^MDC_DIM_PERCENT^MDC|||||X',
  'OBX|11|NM|151562^MDC_RESP_RATE^MDC|1.4.1.2|14|266016^MDC_DIM_MMHG^MDC|||||R|||20261129120000+0000',
].join('\r');

export interface SampleObservation {
  code: string;
  mnemonic: string;
  value: number | string;
  unitCode: string;
  unitMnemonic: string;
}

/** A PCD-01 message built the way the simulator and the load test send them. */
export function pcd01Message(options: {
  controlId: string;
  deviceId: string;
  observedAt: string;
  observations: readonly SampleObservation[];
  patientId?: string;
  sendingApplication?: string;
}): string {
  const { controlId, deviceId, observedAt, observations } = options;
  return [
    `MSH|^~\\&|${options.sendingApplication ?? `Sim^${deviceId}^EUI-64`}||||${observedAt}||ORU^R01^ORU_R01|${controlId}|P|2.6|||NE|AL`,
    `PID|||${options.patientId ?? ''}`,
    `OBR|1|||182777000^monitoring of patient^SNOMED-CT|||${observedAt}`,
    `OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||${deviceId}^EUI-64`,
    ...observations.map((o, i) => `OBX|${i + 2}|NM|${o.code}^${o.mnemonic}^MDC|1.1.1.${i + 1}|${o.value}|${o.unitCode}^${o.unitMnemonic}^MDC|||||R|||${observedAt}`),
  ].join('\r');
}
