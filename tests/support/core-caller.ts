import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract/channels';
import type { Role } from '../../shared/domain/user';
import type { CoreConnection, VigilCore } from '../../src-main/core/vigil-core';
import type { Caller } from './seeded-session';

/** Contract calls on one connection that must succeed (a refusal throws with main's message). */
export function caller(connection: CoreConnection): Caller {
  return (async <C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await connection.call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as ResponseOf<C>;
  }) as Caller;
}

/** A new account as its owner would make it: the admin creates it (co-signed), the owner signs in with the code and chooses a PIN. */
export async function addAccount(
  core: VigilCore,
  admin: CoreConnection,
  cosign: { username: string; pin: string },
  who: { username: string; displayName: string; pin: string },
  roles: Role[],
): Promise<CoreConnection> {
  const { oneTimeCode } = await caller(admin)('user/create', { username: who.username, displayName: who.displayName, roles, cosign });
  const connection = core.connect();
  await caller(connection)('auth/signIn', { username: who.username, pin: oneTimeCode });
  await caller(connection)('auth/choosePin', { pin: who.pin });
  return connection;
}
