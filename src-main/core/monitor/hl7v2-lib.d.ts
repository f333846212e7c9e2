/**
 * The part of the hl7v2 library (panates/hl7v2) that Vigil uses. The package's own
 * declarations reach ts-gems, which says `/// <reference lib="dom" />`: that would put the
 * browser's globals into main's type check (document, window, DOM Response), so main sees
 * the library only through these declarations. Checked against hl7v2 1.8.0.
 *
 * The library is loaded on first need (`loadHl7v2`), then used synchronously (`hl7v2()`).
 */
export interface HL7Field {
  getValue(component?: number, subComponent?: number): unknown;
  setValue(value: unknown, component?: number, subComponent?: number): unknown;
}

export interface HL7Segment {
  readonly segmentType: string;
  field(position: number): HL7Field;
}

export declare class HL7Message {
  constructor(version?: string);
  readonly segments: HL7Segment[];
  readonly header: HL7Segment;
  readonly version: string;
  readonly messageType: string;
  readonly controlId: string;
  addSegment(segmentType: string): HL7Segment;
  getSegment(segmentType: string): HL7Segment | undefined;
  toHL7String(): string;
  static parse(input: string | Buffer): HL7Message;
}

export interface Hl7v2Library {
  HL7Message: typeof HL7Message;
}

/** Loads the library once (the listener awaits it before it accepts a connection). */
export declare function loadHl7v2(): Promise<Hl7v2Library>;

/** The loaded library; throws when `loadHl7v2` has not finished. */
export declare function hl7v2(): Hl7v2Library;
