/** Backups kept: every one of the last 48 hours, the newest of each of the last 14 days that have one, and of each of the last 12 months. */
export const DAILY_BACKUPS_KEPT = 14;
export const MONTHLY_BACKUPS_KEPT = 12;
/** Counted back from the newest backup, so a backup made by hand is never retired by the next session's. */
export const RECENT_BACKUPS_KEPT_HOURS = 48;

/** Which backups retention keeps (the rest may be deleted). A failed backup is never what is kept for its day. */
export function retainedBackups<T extends { at: number; check: string }>(entries: readonly T[]): T[] {
  const newestFirst = [...entries].filter((entry) => entry.check === 'ok').sort((a, b) => b.at - a.at);
  const keep = new Set<T>();
  const days = new Set<string>();
  const months = new Set<string>();
  const recentFrom = (newestFirst[0]?.at ?? 0) - RECENT_BACKUPS_KEPT_HOURS * 60 * 60 * 1000;
  for (const entry of newestFirst) {
    if (entry.at >= recentFrom) keep.add(entry);
    const iso = new Date(entry.at).toISOString();
    const day = iso.slice(0, 10);
    const month = iso.slice(0, 7);
    if (!days.has(day) && days.size < DAILY_BACKUPS_KEPT) {
      days.add(day);
      keep.add(entry);
    }
    if (!months.has(month) && months.size < MONTHLY_BACKUPS_KEPT) {
      months.add(month);
      keep.add(entry);
    }
  }
  return newestFirst.filter((entry) => keep.has(entry));
}
