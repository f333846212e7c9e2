/**
 * Number formats by language and options, made once: building an Intl.NumberFormat costs far
 * more than formatting with one, and the readings table formats every value of every row.
 */
const formats = new Map<string, Intl.NumberFormat>();

/** `useGrouping` left out keeps the language's own default (Spanish does not group 4-digit numbers). */
export function numberFormat(language: string, maximumFractionDigits: number, useGrouping?: false): Intl.NumberFormat {
  const key = `${language}|${maximumFractionDigits}|${useGrouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, useGrouping === false ? { maximumFractionDigits, useGrouping } : { maximumFractionDigits });
    formats.set(key, format);
  }
  return format;
}

/** A stored number as the reader's language writes it (0.5 / 0,5), with no rounding beyond three decimals. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 3): string {
  return numberFormat(language, maximumFractionDigits).format(value);
}
