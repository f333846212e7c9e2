import { useEffect, useEffectEvent, useState } from 'react';
import type { AppError, Result } from '../../shared/result';

export interface Answer<T> {
  /** Main's answer, null until one came for what is asked now (or when it refused). */
  value: T | null;
  /** Main's refusal (shown by the screen in the reader's language). */
  error: AppError | null;
  /** An answer (or a refusal) came for what is asked now. */
  settled: boolean;
  /** Shows a value main gave in another answer (the reply to a save) without asking again. */
  replace(value: T): void;
}

/** When to ask; items are compared as React compares a hook's dependencies (Object.is). */
export interface AskWhen {
  /** Whose answer this is (a patient, a session, a rule scope): one asked for another is never shown. */
  of?: readonly unknown[];
  /** Ask again when these change (a reload count, a search, a filter), showing the last answer until the new one. */
  refresh?: readonly unknown[];
}

interface Question {
  of: readonly unknown[];
  refresh: readonly unknown[];
  /** Counts questions: a new one when `of` or `refresh` changed. */
  number: number;
  /** The question number at which `of` last changed. */
  ofNumber: number;
}

type Held<T> = { ofNumber: number; value: T | null; error: AppError | null };

const NOTHING: readonly unknown[] = [];
const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, i) => Object.is(item, b[i]));

/**
 * A screen's answer to one contract call: asked when the screen opens and whenever `when`
 * changes. An answer that comes after a newer question was asked is dropped, so a slow reply
 * for the previous patient, page or search never lands on the one now shown.
 */
export function useAnswer<T>(ask: () => Promise<Result<T>>, when: AskWhen = {}): Answer<T> {
  const of = when.of ?? NOTHING;
  const refresh = when.refresh ?? NOTHING;
  const [question, setQuestion] = useState<Question>({ of, refresh, number: 0, ofNumber: 0 });
  let now = question;
  if (!sameItems(question.of, of) || !sameItems(question.refresh, refresh)) {
    const number = question.number + 1;
    now = { of, refresh, number, ofNumber: sameItems(question.of, of) ? question.ofNumber : number };
    setQuestion(now);
  }
  const [held, setHeld] = useState<Held<T> | null>(null);
  const askNow = useEffectEvent(ask);

  const { number, ofNumber } = now;
  useEffect(() => {
    let current = true;
    void askNow().then((result) => {
      if (current) setHeld(result.ok ? { ofNumber, value: result.value, error: null } : { ofNumber, value: null, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [number, ofNumber]);

  const shown = held !== null && held.ofNumber === ofNumber ? held : null;
  return {
    value: shown?.value ?? null,
    error: shown?.error ?? null,
    settled: shown !== null,
    replace: (value) => setHeld({ ofNumber, value, error: null }),
  };
}
