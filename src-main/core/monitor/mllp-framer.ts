/**
 * MLLP framing (HL7 v2 over TCP): a message is 0x0B + bytes + 0x1C 0x0D. The framer takes
 * TCP chunks as they come (a frame split across packets, several frames in one) and says
 * what it found. Bytes between frames are garbage and skipped; a new start block before the
 * end block means the frame before it was cut short; a frame longer than the limit is not
 * kept (its first bytes are, so its header can still be answered).
 */
export const MLLP_START = 0x0b;
export const MLLP_END = 0x1c;
export const MLLP_TRAILER = 0x0d;

export type MllpFrameEvent =
  | { kind: 'frame'; payload: Buffer }
  | { kind: 'truncated'; head: Buffer }
  | { kind: 'oversized'; head: Buffer; bytes: number }
  | { kind: 'garbage'; bytes: number };

/** How much of an oversized frame is kept to read its MSH (and answer with its control id). */
const OVERSIZED_HEAD_BYTES = 2048;

export function frameMllp(payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([Buffer.from([MLLP_START]), body, Buffer.from([MLLP_END, MLLP_TRAILER])]);
}

export class MllpFramer {
  private inFrame = false;
  private parts: Buffer[] = [];
  private size = 0;
  private overflowed = false;
  private garbage = 0;
  /** The end block came last in a chunk: a 0x0D opening the next chunk is its trailer, not garbage. */
  private trailerPending = false;

  constructor(private readonly maxFrameBytes: number) {}

  /** True while a frame has started and not yet ended. */
  get midFrame(): boolean {
    return this.inFrame;
  }

  push(chunk: Buffer): MllpFrameEvent[] {
    const events: MllpFrameEvent[] = [];
    let at = this.trailerPending && chunk[0] === MLLP_TRAILER ? 1 : 0;
    this.trailerPending = false;
    while (at < chunk.length) {
      if (!this.inFrame) {
        const start = chunk.indexOf(MLLP_START, at);
        this.garbage += (start === -1 ? chunk.length : start) - at;
        if (start === -1) break;
        this.flushGarbage(events);
        this.begin();
        at = start + 1;
        continue;
      }
      const end = chunk.indexOf(MLLP_END, at);
      const restart = chunk.indexOf(MLLP_START, at);
      if (restart !== -1 && (end === -1 || restart < end)) {
        this.append(chunk.subarray(at, restart));
        events.push({ kind: 'truncated', head: this.head() });
        this.begin();
        at = restart + 1;
        continue;
      }
      if (end === -1) {
        this.append(chunk.subarray(at));
        break;
      }
      this.append(chunk.subarray(at, end));
      events.push(this.overflowed ? { kind: 'oversized', head: this.head(), bytes: this.size } : { kind: 'frame', payload: Buffer.concat(this.parts) });
      this.inFrame = false;
      this.parts = [];
      at = end + 1;
      if (at === chunk.length) this.trailerPending = true;
      else if (chunk[at] === MLLP_TRAILER) at += 1;
    }
    this.flushGarbage(events);
    return events;
  }

  private begin(): void {
    this.inFrame = true;
    this.parts = [];
    this.size = 0;
    this.overflowed = false;
  }

  private append(part: Buffer): void {
    if (part.length === 0) return;
    this.size += part.length;
    if (this.overflowed) return;
    if (this.size <= this.maxFrameBytes) {
      this.parts.push(part);
      return;
    }
    // Past the limit only the count goes on; the head is kept (copied, so the chunks can go) for the answer.
    this.overflowed = true;
    this.parts = [Buffer.from(Buffer.concat([...this.parts, part]).subarray(0, OVERSIZED_HEAD_BYTES))];
  }

  private head(): Buffer {
    return Buffer.concat(this.parts).subarray(0, OVERSIZED_HEAD_BYTES);
  }

  private flushGarbage(events: MllpFrameEvent[]): void {
    if (this.garbage > 0) events.push({ kind: 'garbage', bytes: this.garbage });
    this.garbage = 0;
  }
}
