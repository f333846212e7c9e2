import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLINIC_CHAIRS_MAX_COUNT } from '../../../shared/domain/clinic-chairs';
import { ClinicConfigSchema, DEFAULT_CLINIC_CONFIG } from '../../../shared/domain/clinic-config';
import { listErrors } from '../../../src-renderer/clinic-settings/ListField';
import { changedLeaves, leaves, listItems, listValue, settingsFields, type LeafField } from '../../../src-renderer/clinic-settings/schema-fields';
import { initI18n } from '../../../src-renderer/i18n';

const fields = settingsFields(ClinicConfigSchema);
const chairsLeaf = (): LeafField => {
  const leaf = leaves(fields).find((candidate) => candidate.key === 'chairs');
  if (!leaf) throw new Error('the clinic configuration has no chairs field on the settings screen');
  return leaf;
};

describe('the settings screen edits a list of names from the schema (the clinic chairs)', () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  it('reads the chairs as a keyed list with the schema\'s limits', () => {
    expect(chairsLeaf().field).toEqual({ kind: 'list', maxItems: CLINIC_CHAIRS_MAX_COUNT, maxLength: 40, textKey: 'name' });
  });

  it('keeps an entry\'s id through a rename and numbers new entries after every id shown', () => {
    const { field } = chairsLeaf();
    const stored = [{ id: 4, name: 'Chair 1' }, { id: 7, name: 'Chair 2' }];
    const items = listItems(field, stored);
    expect(items).toEqual([{ id: 4, text: 'Chair 1' }, { id: 7, text: 'Chair 2' }]);
    // Chair 2 renamed and moved first, Chair 1 removed, two added: the removed id 4 is not handed out again before 8.
    const next = listValue(field, [{ id: 7, text: ' Recliner 2 ' }, { id: null, text: 'Bay 3' }, { id: null, text: 'Bay 4' }], [4, 7]);
    expect(next).toEqual([{ id: 7, name: 'Recliner 2' }, { id: 8, name: 'Bay 3' }, { id: 9, name: 'Bay 4' }]);
    const before = { ...DEFAULT_CLINIC_CONFIG, chairs: stored };
    expect(changedLeaves(fields, before, { ...before, chairs: [...stored] }).map((leaf) => leaf.key)).toEqual([]);
    expect(changedLeaves(fields, before, { ...before, chairs: next }).map((leaf) => leaf.key)).toEqual(['chairs']);
  });

  it('names each entry\'s problem under it (empty, duplicate whatever the case, too long) and the list\'s own (too many)', () => {
    const t = i18next.t.bind(i18next);
    const items = [{ id: 1, text: 'Chair 1' }, { id: null, text: '  ' }, { id: null, text: 'chair 1 ' }, { id: null, text: 'x'.repeat(41) }];
    expect(listErrors(t, chairsLeaf(), items)).toEqual({
      'chairs.1': 'Entry 2 has no name: name it or remove it.',
      'chairs.2': '“chair 1” is already in the list (entry 1).',
      'chairs.3': `“${'x'.repeat(41)}” is longer than 40 characters.`,
    });
    const many = Array.from({ length: CLINIC_CHAIRS_MAX_COUNT + 1 }, (_, index) => ({ id: index + 1, text: `Chair ${index + 1}` }));
    expect(listErrors(t, chairsLeaf(), many)).toEqual({ chairs: `Chairs (sessions open in them; monitors are bound to them): at most ${CLINIC_CHAIRS_MAX_COUNT} entries.` });
  });
});
