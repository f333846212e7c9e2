import { describe, expect, it } from 'vitest';
import { PHQ9_ITEM_IDS, Phq9AnswersSchema, phq9Band, phq9CourseChange, scorePhq9, type Phq9Answers } from '../../../shared/clinical/phq9';

/** Answers summing to `total`, filled from item 1 on, item 9 (self-harm) at `selfHarm` (by default only what items 1-8 cannot hold). */
function answersFor(total: number, selfHarm = Math.max(0, total - 24)): Phq9Answers {
  const answers = Object.fromEntries(PHQ9_ITEM_IDS.map((id) => [id, 0])) as Phq9Answers;
  answers.selfHarm = selfHarm;
  let left = total - selfHarm;
  for (const id of PHQ9_ITEM_IDS.slice(0, 8)) {
    answers[id] = Math.min(3, left);
    left -= answers[id];
  }
  if (left !== 0) throw new Error(`cannot make ${total} with item 9 at ${selfHarm}`);
  return answers;
}

describe('PHQ-9 scoring (CLINICAL.md 6a)', () => {
  // Both sides of every band edge, as printed: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe.
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderatelySevere'],
    [19, 'moderatelySevere'],
    [20, 'severe'],
    [27, 'severe'],
  ] as const)('a total of %i is %s', (total, band) => {
    expect(phq9Band(total)).toBe(band);
    expect(scorePhq9(answersFor(total))).toEqual({ total, band, selfHarmFlag: total > 24 });
  });

  it('flags item 9 above 0 for a physician the same day, whatever the total', () => {
    expect(scorePhq9(answersFor(1, 1))).toEqual({ total: 1, band: 'minimal', selfHarmFlag: true });
    expect(scorePhq9(answersFor(27, 3)).selfHarmFlag).toBe(true);
    expect(scorePhq9(answersFor(24, 0)).selfHarmFlag).toBe(false);
  });

  it('refuses an item outside 0-3 or a missing item, naming it', () => {
    expect(() => scorePhq9({ ...answersFor(0), sleep: 4 })).toThrow(/item sleep must be an integer 0-3, got 4/);
    const { mood: _mood, ...withoutMood } = answersFor(0);
    expect(() => scorePhq9(withoutMood as Phq9Answers)).toThrow(/item mood/);
    expect(() => phq9Band(28)).toThrow(RangeError);
    const parsed = Phq9AnswersSchema.safeParse({ ...answersFor(0), appetite: 1.5 });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))).toEqual(['appetite']);
  });
});

describe('PHQ-9 over a course', () => {
  it('calls a 50 % fall from the first score a response, and a total below 5 remission', () => {
    expect(phq9CourseChange(20, 10)).toEqual({ changePercent: -50, response: true, remission: false });
    expect(phq9CourseChange(20, 11)).toEqual({ changePercent: -45, response: false, remission: false });
    expect(phq9CourseChange(18, 4)).toEqual({ changePercent: -78, response: true, remission: true });
    expect(phq9CourseChange(8, 5)).toMatchObject({ remission: false });
    expect(phq9CourseChange(0, 3)).toEqual({ changePercent: null, response: false, remission: true });
  });
});
