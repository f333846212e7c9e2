import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listChanges } from '../../../src-renderer/clinic-settings/list-changes';
import type { FieldKind } from '../../../src-renderer/clinic-settings/schema-fields';

const chairs: FieldKind = { kind: 'list', maxItems: 50, maxLength: 40, textKey: 'name' };
const names: FieldKind = { kind: 'list', maxItems: 50, maxLength: 40, textKey: null };
const chair = (id: number, name: string) => ({ id, name });

describe('a list field in the settings history: what one save changed, entry by entry', () => {
  it('a chair renamed is one rename (matched by id), not the whole list before and after', () => {
    const before = [chair(1, 'Chair 1'), chair(2, 'Chair 2'), chair(3, 'Chair 3')];
    const after = [chair(1, 'Chair 1'), chair(2, 'Window chair'), chair(3, 'Chair 3')];
    expect(listChanges(chairs, before, after)).toEqual({ renamed: [{ from: 'Chair 2', to: 'Window chair' }], added: [], removed: [], reordered: false });
  });

  it('chairs added and removed are named; a chair given a removed chair\'s name is still an addition (new id)', () => {
    const before = [chair(1, 'Chair 1'), chair(2, 'Chair 2')];
    const after = [chair(1, 'Chair 1'), chair(3, 'Chair 2'), chair(4, 'Recliner')];
    expect(listChanges(chairs, before, after)).toEqual({ renamed: [], added: ['Chair 2', 'Recliner'], removed: ['Chair 2'], reordered: false });
  });

  it('the same chairs in another order are a reordering and nothing else', () => {
    expect(listChanges(chairs, [chair(1, 'A'), chair(2, 'B')], [chair(2, 'B'), chair(1, 'A')])).toEqual({ renamed: [], added: [], removed: [], reordered: true });
    expect(listChanges(chairs, [chair(1, 'A')], [chair(1, 'A')]).reordered).toBe(false);
  });

  it('plain names are matched by name, each occurrence counted', () => {
    expect(listChanges(names, ['a', 'b', 'b'], ['b', 'c'])).toEqual({ renamed: [], added: ['c'], removed: ['a', 'b'], reordered: false });
    expect(listChanges(names, null, ['a'])).toEqual({ renamed: [], added: ['a'], removed: [], reordered: false });
  });

  it('for any two chair lists: applying the changes to the old names gives the new set of names', () => {
    const list = fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 12 }), name: fc.constantFrom('A', 'B', 'C', 'D', 'E') }), { selector: (c) => c.id, maxLength: 8 });
    fc.assert(
      fc.property(list, list, (before, after) => {
        const changes = listChanges(chairs, before, after);
        const names: string[] = before.filter((c) => after.some((d) => d.id === c.id)).map((c) => c.name);
        for (const { from, to } of changes.renamed) names.splice(names.indexOf(from), 1, to);
        names.push(...changes.added);
        expect([...names].sort()).toEqual(after.map((c) => c.name).sort());
        expect(changes.removed.length).toBe(before.filter((c) => !after.some((d) => d.id === c.id)).length);
      }),
    );
  });
});
