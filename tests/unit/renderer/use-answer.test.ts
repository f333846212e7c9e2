// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { useAnswer, type Answer } from '../../../src-renderer/hooks/use-answer';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Questions the probe asked, each answered when the test says. */
type Pending = { asked: string; answer(result: Result<string>): Promise<void> };

let root: Root;
let pending: Pending[];
let shown: Answer<string>;

function ask(asked: string): Promise<Result<string>> {
  return new Promise((resolve) => {
    pending.push({ asked, answer: (result) => act(async () => resolve(result)) });
  });
}

function Probe({ patientId, reloads, onAnswer }: { patientId: number; reloads: number; onAnswer(answer: Answer<string>): void }) {
  onAnswer(useAnswer(() => ask(`patient ${patientId} #${reloads}`), { of: [patientId], refresh: [reloads] }));
  return null;
}

const render = (patientId: number, reloads: number) =>
  act(async () =>
    root.render(
      createElement(Probe, {
        patientId,
        reloads,
        onAnswer: (answer) => {
          shown = answer;
        },
      }),
    ),
  );
const okAnswer = (value: string): Result<string> => ({ ok: true, value });

describe('a screen\'s answer to a contract call (useAnswer)', () => {
  beforeEach(() => {
    pending = [];
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => act(async () => root.unmount()));

  it('never shows the answer for the previous patient, even when it comes last', async () => {
    await render(1, 0);
    await render(2, 0);
    expect(pending.map((p) => p.asked)).toEqual(['patient 1 #0', 'patient 2 #0']);
    await pending[1]?.answer(okAnswer('history of 2'));
    expect(shown.value).toBe('history of 2');
    await pending[0]?.answer(okAnswer('history of 1'));
    expect(shown.value).toBe('history of 2');
  });

  it('shows nothing for a newly chosen patient until its own answer comes', async () => {
    await render(1, 0);
    await pending[0]?.answer(okAnswer('history of 1'));
    expect(shown).toMatchObject({ value: 'history of 1', settled: true });
    await render(2, 0);
    expect(shown).toMatchObject({ value: null, error: null, settled: false });
    await pending[1]?.answer(okAnswer('history of 2'));
    expect(shown.value).toBe('history of 2');
  });

  it('keeps the last answer on screen while a reload is asked, and drops a reload overtaken by the next', async () => {
    await render(1, 0);
    await pending[0]?.answer(okAnswer('v0'));
    await render(1, 1);
    await render(1, 2);
    expect(shown).toMatchObject({ value: 'v0', settled: true });
    await pending[2]?.answer(okAnswer('v2'));
    await pending[1]?.answer(okAnswer('v1'));
    expect(shown.value).toBe('v2');
    expect(pending).toHaveLength(3);
  });

  it('shows a refusal in place of the value, and a value main gave elsewhere without asking', async () => {
    await render(1, 0);
    await pending[0]?.answer({ ok: false, error: { code: 'storage_busy', message: 'locked by another program' } });
    expect(shown).toMatchObject({ value: null, settled: true, error: { code: 'storage_busy' } });
    await act(async () => shown.replace('saved'));
    expect(shown).toMatchObject({ value: 'saved', error: null });
    expect(pending).toHaveLength(1);
  });

  it('asks once per question, not on every render', async () => {
    await render(1, 0);
    await render(1, 0);
    await render(1, 0);
    expect(pending).toHaveLength(1);
  });
});
