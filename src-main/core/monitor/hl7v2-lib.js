// The hl7v2 library, seen by TypeScript only through hl7v2-lib.d.ts (see there why).
export { HL7Message } from 'hl7v2';
