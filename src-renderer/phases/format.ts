import { numberFormat } from '../format/number';

/**
 * A clinical figure in the reader's language (0,5 in Spanish), never grouped (1000, not
 * 1,000, which a Spanish reader could take for one), to at most `maxDecimals` places.
 */
export function formatFigure(value: number, language: string, maxDecimals = 3): string {
  return numberFormat(language, maxDecimals, false).format(value);
}

/** A typed decimal, with a point or a comma; null unless it is a plain positive-or-zero number. */
export function parseDecimal(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(normalised)) return null;
  return Number(normalised);
}
