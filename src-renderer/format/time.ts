import { format, isSameDay, isValid, parse } from 'date-fns';

/** Elapsed time as m:ss, or h:mm:ss from an hour on. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  const body = `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
  return ms < 0 ? `-${body}` : body;
}

export function formatClockTime(at: number): string {
  return format(at, 'HH:mm');
}

/** The calendar day of a moment, as Vigil writes dates (2026-11-30): a key that changes only at midnight. */
export function dayOf(at: number): string {
  return format(at, 'yyyy-MM-dd');
}

/** Whether `text` is a calendar day written as Vigil writes them (2026-11-23): four-two-two digits, a day that exists. */
export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(parse(text, 'yyyy-MM-dd', new Date(0)));
}

// A type, not an interface: i18next's options take an index signature, which only type literals carry implicitly.
/** i18next options for a clock time on a screen about now: see `timeOnDay`. */
export type TimeOnDay = {
  time: string;
  date?: string;
  context?: 'otherDay';
};

/**
 * A clock time shown as part of what is happening now ("since 23:50"): alone when it fell
 * today (`today` from `dayOf`), with its date when it fell on another day, through the
 * message's `_otherDay` variant so each language words the date its own way.
 */
export function timeOnDay(at: number, today: string): TimeOnDay {
  const time = formatClockTime(at);
  const day = dayOf(at);
  return day === today ? { time } : { time, date: day, context: 'otherDay' };
}


export function formatDateTime(at: number): string {
  return format(at, 'yyyy-MM-dd HH:mm');
}

/** For the audit trail, where acts seconds apart must read in order: 2026-11-30 21:40:07. */
export function formatDateTimeSeconds(at: number): string {
  return format(at, 'yyyy-MM-dd HH:mm:ss');
}


/**
 * A clock time read beside another (an acknowledgement beside the alert it answers): with its
 * date when the two fall on different days, so "seen at 00:10" is never read as before "since 23:50".
 */
export function formatClockTimeBeside(at: number, reference: number): string {
  return isSameDay(at, reference) ? formatClockTime(at) : formatDateTime(at);
}

/** A clock time in a table about now (the physician's alert history): with its date when it fell on another day than `today`. */
export function formatClockTimeOnDay(at: number, today: string): string {
  return dayOf(at) === today ? formatClockTime(at) : formatDateTime(at);
}

/** `timeOnDay` for a time read beside another (an acknowledgement beside its alert's "since"): dated when their days differ. */
export function timeBeside(at: number, reference: number): TimeOnDay {
  return timeOnDay(at, dayOf(reference));
}
