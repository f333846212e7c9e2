export interface Pcd01Observation {
  code: string;
  mnemonic: string;
  value: number | string;
  unitCode: string;
  unitMnemonic: string;
}

/**
 * An IHE PCD-01 ORU^R01 as a multiparameter monitor sends it: the MDS row carries the
 * EUI-64 in OBX-18, each numeric its MDC code, MDC unit and OBX-14 time. Used by the
 * simulator (`npm run monitor:sim`) and the tests.
 */
export function pcd01Message(options: {
  controlId: string;
  deviceId: string;
  observedAt: string;
  observations: readonly Pcd01Observation[];
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
