/**
 * The observed time of a late entry, typed as HH:mm, on main's clock: today's date, or
 * yesterday's when that time of day has not come yet (a reading from just before midnight).
 */
export function observedAtFromTimeOfDay(timeOfDay: string, serverNowAt: number): number {
  const [hours, minutes] = timeOfDay.split(':').map(Number);
  const candidate = new Date(serverNowAt);
  candidate.setHours(hours ?? 0, minutes ?? 0, 0, 0);
  if (candidate.getTime() > serverNowAt + 60_000) candidate.setDate(candidate.getDate() - 1);
  return candidate.getTime();
}
