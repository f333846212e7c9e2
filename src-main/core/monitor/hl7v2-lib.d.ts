/**
 * The part of the hl7v2 library (panates/hl7v2) that Vigil uses. The package's own
 * declarations reach ts-gems, which says `/// <reference lib="dom" />`: that would put the
 * browser's globals into main's type check (document, window, DOM Response), so main sees
 * the library only through these declarations. Checked against hl7v2 1.8.0.
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
