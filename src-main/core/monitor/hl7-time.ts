/**
 * An HL7 v2 TS/DTM value (YYYYMMDDHHMM[SS[.S[S[S[S]]]]][+/-ZZZZ]) as epoch milliseconds.
 * A vital sign needs at least minute precision, so a bare date is refused (null). Without an
 * offset the time is the workstation's local time (the monitor is in the same room);
 * IHE PCD asks monitors to send the offset.
 */
const HL7_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?(?:([+-])(\d{2})(\d{2}))?$/;

export function parseHl7Time(text: string): number | null {
  const match = HL7_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '', sign, offsetHours, offsetMinutes] = match;
  const parts = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)] as const;
  const milliseconds = fraction === '' ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  if (parts[1] > 11 || parts[2] < 1 || parts[2] > 31 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  let at: number;
  if (sign === undefined) {
    at = new Date(...parts, milliseconds).getTime();
  } else {
    const offsetMs = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 * (sign === '+' ? 1 : -1);
    at = Date.UTC(...parts, milliseconds) - offsetMs;
  }
  // Date rolls 31 February over into March; a rolled-over date is not the one the monitor sent.
  const check = sign === undefined ? new Date(at) : new Date(at + (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 * (sign === '+' ? 1 : -1));
  const checkDay = sign === undefined ? check.getDate() : check.getUTCDate();
  return Number.isFinite(at) && checkDay === parts[2] ? at : null;
}

/** Epoch milliseconds as an HL7 DTM in UTC with its offset (for ACKs and the simulator). */
export function formatHl7Time(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-11-29T18:51:10.123Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}.${iso.slice(20, 23)}+0000`;
}
