import type { ChannelName } from '../../shared/contract/channels';
import { mayCall } from '../store/access';
import { useAppStore } from '../store/app-store';

/**
 * Whether the contract's access table lets the signed-in user call `channel` (a physician
 * for `dose/order` and `override/add`). The UI hides what main would refuse; main enforces it.
 */
export function useMayCall(channel: ChannelName): boolean {
  return useAppStore((state) => state.auth.kind === 'signedIn' && mayCall(state.auth.user, channel));
}
