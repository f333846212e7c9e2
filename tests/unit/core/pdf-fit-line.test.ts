import { describe, expect, it } from 'vitest';
import { fitLine } from '../../../src-main/core/reports/pdf/document';

// One unit per character (code point), as a monospace font would measure.
const widthOf = (line: string) => Array.from(line).length;

describe('a header line that must fit its width', () => {
  it('is left as it is when it fits', () => {
    expect(fitLine('Okafor, Chidi', ' · MRN 7', 30, widthOf)).toBe('Okafor, Chidi · MRN 7');
  });

  it('shortens only the first part, with "…", keeping the rest whole and the line within the width', () => {
    const line = fitLine('Wolfeschlegelsteinhausen, Maximiliana', ' · MRN 7 · born 1980-05-17', 40, widthOf);
    expect(line).toBe('Wolfeschlegel… · MRN 7 · born 1980-05-17');
    expect(widthOf(line)).toBeLessThanOrEqual(40);
  });

  it('never cuts a character in two (a name with characters outside the basic plane)', () => {
    const line = fitLine('𠀋𠀋𠀋𠀋𠀋𠀋 😀😀😀', ' · MRN 7', 12, widthOf);
    expect(line).toBe('𠀋𠀋𠀋… · MRN 7');
    // No lone surrogate: every code point of the line is a whole character.
    expect(Array.from(line).some((character) => /^[\uD800-\uDFFF]$/.test(character))).toBe(false);
  });
});
