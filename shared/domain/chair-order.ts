const CHAIR_COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Chairs in the order a clinic counts them: "Chair 2" before "Chair 10", case ignored. */
export function compareChairs(a: string, b: string): number {
  return CHAIR_COLLATOR.compare(a, b);
}
