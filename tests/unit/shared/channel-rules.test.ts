import { describe, expect, it } from 'vitest';
import { CHANNEL_RULES } from '../../../shared/contract/channel-rules';
import { CHANNEL_NAMES, CHANNELS } from '../../../shared/contract/channels';

describe('the zod-free channel rules the renderer reads first', () => {
  it('name every channel of the contract and no other', () => {
    expect(Object.keys(CHANNEL_RULES).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES)('%s: the same access and audit class as the contract main enforces', (name) => {
    const { access, audit } = CHANNELS[name];
    expect(CHANNEL_RULES[name]).toEqual({ access, audit });
  });
});
