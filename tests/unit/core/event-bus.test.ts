import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reading } from '../../../shared/domain/reading';
import { EventBus } from '../../../src-main/core/event-bus';

const READING: Reading = {
  id: 1,
  sessionId: 1,
  observedAt: 1_000,
  recordedAt: 1_000,
  recordedBy: 1,
  recordedByName: 'Nina Nurse',
  values: { heartRateBpm: 72 },
  mapSource: null,
  late: false,
};

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
    bus.emit('reading/added', READING);
    expect(a).toHaveBeenCalledWith('reading/added', READING);
    expect(b).toHaveBeenCalledWith('reading/added', READING);
  });

  it('stops delivering after unsubscribe', () => {
    const bus = new EventBus();
    const listener = vi.fn();
    const unsubscribe = bus.subscribe(listener);
    unsubscribe();
    bus.emit('reading/added', READING);
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
    expect(() => bus.emit('reading/added', READING)).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(consoleError).toHaveBeenCalledOnce();
  });
});
