import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type AlertRule } from '../../../shared/clinical/alert-rules';
import { diffRules, makesLessSensitive } from '../../../src-renderer/screens/rules/rule-diff';
import { blankDraft, draftOf, keptDrafts, ruleOf, withGeneratedIds } from '../../../src-renderer/screens/rules/rule-draft';
import { errorSpots } from '../../../src-renderer/screens/rules/rule-error';
import { outOfReach } from '../../../src-renderer/screens/rules/rule-reach';

const rule = (id: string): AlertRule => {
  const found = DEFAULT_ALERT_RULES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('the rule editor', () => {
  it('round-trips every default rule through a draft unchanged', () => {
    for (const original of DEFAULT_ALERT_RULES) expect(ruleOf(draftOf(original))).toEqual(original);
  });

  it('sends a blank number as NaN, so main names the field instead of a 0 slipping through', () => {
    const draft = { ...draftOf(rule('sbp-above-180')), limit: ' ' };
    expect(ruleOf(draft).comparison).toEqual({ kind: 'above', limit: Number.NaN });
  });

  it('says whether a change makes alerting more or less sensitive', () => {
    const drafts = DEFAULT_ALERT_RULES.map((r) => draftOf(r));
    const edit = (id: string, patch: Partial<ReturnType<typeof draftOf>>) => {
      const index = drafts.findIndex((draft) => draft.id === id);
      const draft = drafts[index];
      if (draft) drafts[index] = { ...draft, ...patch };
    };
    edit('sbp-above-180', { limit: '170' });
    edit('spo2-below-88', { limit: '85' });
    edit('hr-above-150', { priority: 'medium' });
    edit('rr-below-8', { removed: true });
    edit('hr-below-40', { confirmationKind: 'consecutiveReadings', count: '2' });
    const changes = diffRules(DEFAULT_ALERT_RULES, drafts);
    const effect = (id: string) => {
      const change = changes.find((c) => (c.kind === 'changed' ? c.after.id : c.rule.id) === id);
      return change?.kind === 'changed' ? change.fields.map((f) => `${f.field}:${f.effect}`) : change?.kind;
    };
    expect(effect('sbp-above-180')).toEqual(['comparison:more']);
    expect(effect('spo2-below-88')).toEqual(['comparison:less']);
    expect(effect('hr-above-150')).toEqual(['priority:less']);
    expect(effect('hr-below-40')).toEqual(['confirmation:less']);
    expect(effect('rr-below-8')).toBe('removed');
    expect(changes.filter(makesLessSensitive).map((c) => (c.kind === 'changed' ? c.after.id : c.rule.id))).toEqual(['hr-above-150', 'hr-below-40', 'spo2-below-88', 'rr-below-8']);
  });

  it('lists an added rule as added even when its id repeats an existing one', () => {
    const drafts = [...DEFAULT_ALERT_RULES.map((r) => draftOf(r)), { ...blankDraft('new-1'), id: 'hr-above-120', group: 'hr-high', limit: '130' }];
    expect(diffRules(DEFAULT_ALERT_RULES, drafts).map((c) => c.kind)).toEqual(['added']);
  });

  it('puts main refusals on the row and field they name', () => {
    const sent = keptDrafts([...DEFAULT_ALERT_RULES.map((r) => draftOf(r)), { ...blankDraft('new-1'), id: 'hr-above-120' }]);
    expect(errorSpots({ code: 'invalid_request', message: 'rules: Each rule needs its own id', field: 'rules' }, sent, 'rules')).toEqual([{ at: 'rule', key: 'new-1', field: 'id' }]);
    expect(errorSpots({ code: 'invalid_request', message: 'x', field: 'rules.5.comparison.limit' }, sent, 'rules')).toEqual([{ at: 'rule', key: 'sbp-above-180', field: 'comparison.limit' }]);
    expect(errorSpots({ code: 'invalid_request', message: 'x', field: 'reason' }, sent, 'rules')).toEqual([{ at: 'reason' }]);
    expect(errorSpots({ code: 'invalid_request', message: 'x', field: 'rule.hysteresis' }, sent.slice(0, 1), 'rule')).toEqual([{ at: 'rule', key: 'hr-above-120', field: 'hysteresis' }]);
    expect(errorSpots({ code: 'not_found', message: 'x', field: 'protocolFamilyId' }, sent, 'rules')).toEqual([{ at: 'form' }]);
  });

  it('flags a limit no value can reach', () => {
    expect(outOfReach({ ...rule('sbp-above-180'), comparison: { kind: 'above', limit: 1800 } })).toEqual(['comparison.limit']);
    expect(outOfReach(rule('sbp-above-180'))).toEqual([]);
    expect(outOfReach({ ...rule('news2-total-7'), comparison: { kind: 'atOrAbove', limit: 25 } })).toEqual(['comparison.limit']);
    expect(outOfReach({ ...rule('sbp-rise-40'), comparison: { kind: 'riseFromBaseline', delta: 400 } })).toEqual(['comparison.delta']);
  });

  it('gives an added rule an id made from what it watches, unique in the set, and leaves existing ids alone', () => {
    const existing = DEFAULT_ALERT_RULES.map((r) => draftOf(r));
    const first = { ...blankDraft('new-1'), group: 'hr-high', limit: '130' };
    const second = { ...blankDraft('new-2'), group: 'hr-high', limit: '130' };
    const band = { ...blankDraft('new-3'), parameter: 'spo2Pct' as const, comparisonKind: 'outside' as const, low: '85', high: '100', group: 'spo2-band' };
    const sent = withGeneratedIds([...existing, first, second, band]);
    expect(sent.slice(0, existing.length)).toEqual(existing);
    expect(sent.slice(existing.length).map((draft) => draft.id)).toEqual(['heart-rate-bpm-above-130', 'heart-rate-bpm-above-130-2', 'spo2-pct-outside-85-100']);
    for (const draft of sent) expect(draft.id).toMatch(/^[a-z0-9-]{2,60}$/);
  });
});
