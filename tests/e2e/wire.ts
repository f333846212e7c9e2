import type { ChannelName, RequestOf } from '../../shared/contract/channels';
import type { Result } from '../../shared/result';
import { openWsClient } from '../support/ws-client';
import type { RunningHost } from './host';

/**
 * Calls channels over a fresh connection to the web host, as the page's transport does, so a
 * test can show what main itself answers (for example to a call the UI never offers).
 * Sign-in belongs to the connection, so `auth/signIn` first acts as that user.
 */
export async function withConnection<T>(host: RunningHost, use: (call: <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<Result<unknown>>) => Promise<T>): Promise<T> {
  const client = await openWsClient(host);
  try {
    return await use((channel, request) => client.call(channel, request));
  } finally {
    client.close();
  }
}

/**
 * Creates an account through the contract as the first account (admin + physician, who
 * also co-signs a clinical role), then signs in as the new user with the one-time code and
 * chooses `account.pin`, as they would at first sign-in.
 */
export async function createAccount(
  host: RunningHost,
  admin: { username: string; pin: string },
  account: { username: string; displayName: string; pin: string },
  roles: ('nurse' | 'physician' | 'admin' | 'staff')[],
): Promise<void> {
  await withConnection(host, async (call) => {
    await call('auth/signIn', { username: admin.username, pin: admin.pin });
    const clinical = roles.some((role) => role !== 'admin');
    const created = await call('user/create', { username: account.username, displayName: account.displayName, roles, ...(clinical ? { cosign: { username: admin.username, pin: admin.pin } } : {}) });
    if (!created.ok) throw new Error(`user/create failed: ${JSON.stringify(created.error)}`);
    const { oneTimeCode } = created.value as { oneTimeCode: string };
    const signedIn = await call('auth/signIn', { username: account.username, pin: oneTimeCode });
    if (!signedIn.ok) throw new Error(`sign-in with the one-time code failed: ${JSON.stringify(signedIn.error)}`);
    const chosen = await call('auth/choosePin', { pin: account.pin });
    if (!chosen.ok) throw new Error(`auth/choosePin failed: ${JSON.stringify(chosen.error)}`);
  });
}
