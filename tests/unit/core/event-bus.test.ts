import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src-main/core/event-bus';

const TICK = { nowAt: 1_000, timers: [] };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('EventBus', () => {
  it('delivers each event to every subscriber', () => {
    const bus = new EventBus();
    const a = vi.fn();
    const b = vi.fn();
    bus.subscribe(a);
    bus.subscribe(b);
    bus.emit('timer/tick', TICK);
    expect(a).toHaveBeenCalledWith('timer/tick', TICK, 1);
    expect(b).toHaveBeenCalledWith('timer/tick', TICK, 1);
  });

  it('numbers events 1, 2, 3... so a window can tell when it missed one', () => {
    const bus = new EventBus();
    const heard = vi.fn();
    bus.subscribe(heard);
    bus.emit('timer/tick', TICK);
    bus.emit('timer/tick', TICK);
    bus.emit('timer/tick', TICK);
    expect(heard.mock.calls.map((call) => call[2])).toEqual([1, 2, 3]);
  });

  it('stops delivering after unsubscribe', () => {
    const bus = new EventBus();
    const listener = vi.fn();
    const unsubscribe = bus.subscribe(listener);
    unsubscribe();
    bus.emit('timer/tick', TICK);
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps delivering to the others when one listener throws', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = new EventBus();
    const after = vi.fn();
    bus.subscribe(() => {
      throw new Error('window gone');
    });
    bus.subscribe(after);
    expect(() => bus.emit('timer/tick', TICK)).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(consoleError).toHaveBeenCalledOnce();
  });
});
