import { dayOf, formatClockTime } from '../format/time';

/**
 * A row's clock time in a list read on `day` (yyyy-MM-dd): alone when it fell on that day,
 * after its date when not (a session past midnight). The date is a span of its own so a
 * narrow column can set it smaller or on a line above the time; its text reads "2026-11-29 23:51"
 * as `formatClockTimeOnDay` writes it.
 */
export function ClockTimeOnDay({ at, day }: { at: number; day: string }) {
  const date = dayOf(at);
  if (date === day) return <>{formatClockTime(at)}</>;
  return (
    <>
      <span className="time-day">{date}</span> {formatClockTime(at)}
    </>
  );
}
