import { CHANNELS, type ChannelName } from '../../shared/contract/channels';
import { useAppStore } from '../store/app-store';

/**
 * Whether the contract's access table lets the signed-in user call `channel` (a physician
 * for `dose/order` and `override/add`). The UI hides what main would refuse; main enforces it.
 */
export function useMayCall(channel: ChannelName): boolean {
  return useAppStore((state) => {
    if (state.auth.kind !== 'signedIn') return false;
    const access = CHANNELS[channel].access;
    if (access === 'public' || access === 'signedIn') return true;
    const { roles } = state.auth.user;
    return roles.some((role) => access.includes(role));
  });
}
