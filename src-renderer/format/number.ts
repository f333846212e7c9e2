/** A stored number as the reader's language writes it (0.5 / 0,5), with no rounding beyond three decimals. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 3): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
}
