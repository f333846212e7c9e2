const MINUTE_MS = 60_000;
/** Tick steps a clock axis reads easily, in minutes. */
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720];

/**
 * Round clock times for a time axis from `from` to `to` (ms), at most `maxTicks` of them.
 * Given to the chart explicitly, so it does not work out (and measure) its own ticks on
 * every update; they change only when the axis grows past the next one.
 */
export function timeTicks(from: number, to: number, maxTicks = 8): number[] {
  if (!(to > from)) return [from];
  const spanMin = (to - from) / MINUTE_MS;
  const stepMin = STEPS_MIN.find((step) => spanMin / step <= maxTicks) ?? STEPS_MIN[STEPS_MIN.length - 1] ?? 720;
  const stepMs = stepMin * MINUTE_MS;
  // Steps of an hour or less fall on round local minutes; longer ones on whole local hours.
  const offsetMs = new Date(from).getTimezoneOffset() * MINUTE_MS;
  const ticks: number[] = [];
  for (let at = Math.ceil((from - offsetMs) / stepMs) * stepMs + offsetMs; at <= to; at += stepMs) ticks.push(at);
  return ticks.length > 0 ? ticks : [from];
}
