/** Items in groups, groups in the order they first appear (the set's own order, so related rules stay together). */
export function groupInOrder<T>(items: readonly T[], groupOf: (item: T) => string): [group: string, items: T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groupOf(item);
    const members = groups.get(group);
    if (members) members.push(item);
    else groups.set(group, [item]);
  }
  return [...groups.entries()];
}
