import { stringify } from 'csv-stringify/sync';

/**
 * Rows as RFC 4180 CSV (CRLF, quoted where needed). A text field that starts with = + - @ or a
 * tab or carriage return is prefixed with a quote (csv-stringify's `escape_formulas`): these files
 * are opened in spreadsheets, and a patient name or a correction reason typed as a formula
 * would otherwise run there (CSV injection). Numbers are written as they are.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], { record_delimiter: '\r\n', escape_formulas: true });
}
