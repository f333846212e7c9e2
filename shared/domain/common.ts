import { z } from 'zod';

/** Milliseconds since the Unix epoch, UTC. Every stored time in Vigil is one of these. */
export const EpochMsSchema = z.number().int().nonnegative();
export type EpochMs = z.infer<typeof EpochMsSchema>;

export const IdSchema = z.number().int().positive();
export type Id = z.infer<typeof IdSchema>;

/**
 * Characters that change how the text around them is shown, or are not shown at all:
 * bidirectional overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069), the
 * left-to-right and right-to-left marks, zero-width spaces, the word joiner, the byte-order
 * mark and control characters. In a name they make what the nurse reads differ from what is
 * stored ("Smith" shown as "htimS", a name that turns the MRN after it around). Zero-width
 * (non-)joiners, U+200C and U+200D, stay: Persian and Indic names need them.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const HIDDEN_IN_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;
/** The same, with tabs and line breaks allowed (a reason or a note may have several lines). */
// eslint-disable-next-line no-control-regex -- as above
const HIDDEN_IN_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

function refuseHidden(hidden: RegExp) {
  return (value: string, context: z.RefinementCtx) => {
    const found = hidden.exec(value)?.[0];
    if (found === undefined) return;
    const codePoint = `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    context.addIssue({ code: 'custom', message: `contains a hidden character (${codePoint}) that changes how the text is shown; type it again without it`, params: { reason: 'hidden_character', codePoint } });
  };
}

/** A name or label on one line, refusing hidden characters (see HIDDEN_IN_ONE_LINE). */
export const oneLineText = (schema: z.ZodString) => schema.superRefine(refuseHidden(HIDDEN_IN_ONE_LINE));

/** Free text that may run over lines (a reason, a note), refusing hidden characters. */
export const linesOfText = (schema: z.ZodString) => schema.superRefine(refuseHidden(HIDDEN_IN_LINES));

/** Free text a person typed as the reason for an override, correction or abort. */
export const ReasonSchema = linesOfText(z.string().trim().min(3, 'Give a reason of at least 3 characters').max(500));
