import { describe, expect, it } from 'vitest';
import { MllpFramer, frameMllp, type MllpFrameEvent } from '../../../../src-main/core/monitor/mllp-framer';

const text = (events: MllpFrameEvent[]) =>
  events.map((e) => (e.kind === 'frame' ? `frame:${e.payload.toString()}` : e.kind === 'garbage' ? `garbage:${e.bytes}` : e.kind === 'oversized' ? `oversized:${e.bytes}:${e.head.toString()}` : `truncated:${e.head.toString()}`));

describe('MLLP framing', () => {
  it('finds frames split byte by byte and several frames in one chunk', () => {
    const framer = new MllpFramer(1000);
    const bytes = Buffer.concat([frameMllp('one'), frameMllp('two')]);
    const events: MllpFrameEvent[] = [];
    for (const byte of bytes) events.push(...framer.push(Buffer.from([byte])));
    expect(text(events)).toEqual(['frame:one', 'frame:two']);
    expect(text(new MllpFramer(1000).push(Buffer.concat([frameMllp('a'), frameMllp('b'), frameMllp('c')])))).toEqual(['frame:a', 'frame:b', 'frame:c']);
  });

  it('skips and counts garbage between frames; a new start block cuts the frame before it short', () => {
    const framer = new MllpFramer(1000);
    const events = framer.push(Buffer.concat([Buffer.from('noise'), frameMllp('ok'), Buffer.from('\r\nxx'), Buffer.from([0x0b]), Buffer.from('half'), frameMllp('next')]));
    expect(text(events)).toEqual(['garbage:5', 'frame:ok', 'garbage:4', 'truncated:half', 'frame:next']);
    expect(framer.midFrame).toBe(false);
    framer.push(Buffer.from([0x0b, 0x41]));
    expect(framer.midFrame).toBe(true);
  });

  it('counts an oversized frame without keeping it, keeping its head to answer', () => {
    const framer = new MllpFramer(100);
    const big = 'MSH|' + 'x'.repeat(5000);
    const bytes = frameMllp(big);
    const events = [...framer.push(bytes.subarray(0, 3000)), ...framer.push(bytes.subarray(3000)), ...framer.push(frameMllp('small'))];
    expect(events.map((e) => e.kind)).toEqual(['oversized', 'frame']);
    const oversized = events[0] as Extract<MllpFrameEvent, { kind: 'oversized' }>;
    expect(oversized.bytes).toBe(big.length);
    expect(oversized.head.toString().startsWith('MSH|xxx')).toBe(true);
    expect(oversized.head.length).toBeLessThanOrEqual(2048);
  });
});
