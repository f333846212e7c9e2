import { format } from 'date-fns';

/**
 * Times in reports are in the workstation's time zone (the process's local zone), and every
 * machine-readable time carries its offset so it means one instant wherever it is read.
 */
export const isoWithOffset = (at: number): string => format(at, "yyyy-MM-dd'T'HH:mm:ssxxx");
export const localDate = (at: number): string => format(at, 'yyyy-MM-dd');
export const localTime = (at: number): string => format(at, 'HH:mm');
export const localDateTime = (at: number): string => format(at, 'yyyy-MM-dd HH:mm');
/** UTC offset of the workstation at `at`, e.g. +01:00. */
export const offsetAt = (at: number): string => format(at, 'xxx');

/** Local midnight at the start of a YYYY-MM-DD day (the day the caller validated). */
export function startOfLocalDay(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).getTime();
}

/** Local midnight after the day (so a range of whole days is [startOfLocalDay(from), endOfLocalDay(to))). */
export function endOfLocalDay(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + 1).getTime();
}

export const minutesBetween = (fromAt: number, toAt: number): number => Math.round((toAt - fromAt) / 60_000);
