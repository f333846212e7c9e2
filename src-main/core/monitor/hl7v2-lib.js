// The hl7v2 library, seen by TypeScript only through hl7v2-lib.d.ts (see there why).
// Loaded on first need, not with the core: its dictionaries are a 4.4 MB module that takes
// seconds to evaluate, and most starts (the listener is off by default) never read HL7.
let loaded = null;

export async function loadHl7v2() {
  loaded ??= await import('hl7v2');
  return loaded;
}

export function hl7v2() {
  if (!loaded) throw new Error('hl7v2 is not loaded yet: await loadHl7v2() first');
  return loaded;
}
