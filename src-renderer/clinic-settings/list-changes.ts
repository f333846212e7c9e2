import { listItems, type FieldKind, type SettingValue } from './schema-fields';

/** What one save did to a list of names, entry by entry, instead of the whole list twice. */
export interface ListChanges {
  /** Entries with a stable id whose name changed (a chair renamed keeps its id and its sessions). */
  renamed: { from: string; to: string }[];
  added: string[];
  removed: string[];
  /** The same entries in another order, nothing else changed. */
  reordered: boolean;
}

/** Entries are matched by id where the list has ids (the clinic's chairs), by name where it has not. */
export function listChanges(field: FieldKind, before: SettingValue, after: SettingValue): ListChanges {
  const old = listItems(field, before);
  const now = listItems(field, after);
  const changes: ListChanges = { renamed: [], added: [], removed: [], reordered: false };
  if (field.kind === 'list' && field.textKey !== null) {
    const oldById = new Map(old.map((item) => [item.id, item.text]));
    const nowIds = new Set(now.map((item) => item.id));
    for (const item of now) {
      const was = oldById.get(item.id);
      if (was === undefined) changes.added.push(item.text);
      else if (was !== item.text) changes.renamed.push({ from: was, to: item.text });
    }
    for (const item of old) if (!nowIds.has(item.id)) changes.removed.push(item.text);
  } else {
    // Plain names: a name counted as often as it appears, so a duplicate removed still shows.
    const left = old.map((item) => item.text);
    for (const item of now) {
      const index = left.indexOf(item.text);
      if (index === -1) changes.added.push(item.text);
      else left.splice(index, 1);
    }
    changes.removed.push(...left);
  }
  const unchanged = changes.renamed.length + changes.added.length + changes.removed.length === 0;
  changes.reordered = unchanged && old.map((item) => `${item.id}:${item.text}`).join('\n') !== now.map((item) => `${item.id}:${item.text}`).join('\n');
  return changes;
}
