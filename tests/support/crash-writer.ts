/**
 * Child process for tests/integration/crash-durability.test.ts: opens the real core on a data
 * folder, signs in, and charts readings into running sessions (in turn) as fast as it can. It prints
 * `ACK <readingId> <heartRate>` for a reading only after `reading/add` returned ok, i.e. after
 * the transaction committed: exactly the moment the nurse's screen would confirm it.
 * The test kills this process with SIGKILL mid-stream.
 *
 * Usage: node --import tsx tests/support/crash-writer.ts <dataDir> <username> <pin> <sessionId>[,<sessionId>...]
 */
import type { ResponseOf } from '../../shared/contract/channels';
import { openVigilCore } from '../../src-main/core/vigil-core';

/** A safety stop, should the test fail to kill the process. */
const MAX_READINGS = 20_000;

function die(message: string): never {
  process.stderr.write(`crash-writer: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const [dataDir, username, pin, sessionIdText = ''] = process.argv.slice(2);
  const sessionIds = sessionIdText.split(',').map(Number);
  if (!dataDir || !username || !pin || !sessionIds.every((id) => Number.isInteger(id) && id > 0)) die('usage: crash-writer <dataDir> <username> <pin> <sessionId>[,<sessionId>...]');

  const core = openVigilCore({ dataDir, checkResponses: true });
  const connection = core.connect();
  const signedIn = await connection.call('auth/signIn', { username, pin });
  if (!signedIn.ok) die(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
  process.stdout.write('READY\n');

  for (let i = 0; i < MAX_READINGS; i += 1) {
    const heartRateBpm = 60 + (i % 40);
    // Every seventh reading is hypertensive, so alerts are raised, repeated and cleared in the same transactions.
    const bloodPressure = i % 7 === 0 ? { systolicMmHg: 185, diastolicMmHg: 95 } : { systolicMmHg: 122, diastolicMmHg: 78 };
    const sessionId = sessionIds[i % sessionIds.length];
    const result = await connection.call('reading/add', { sessionId, values: { heartRateBpm, ...bloodPressure } });
    if (!result.ok) die(`reading/add failed: ${JSON.stringify(result.error)}`);
    // checkResponses is on: the value has been checked against the contract's response schema.
    const { reading } = result.value as ResponseOf<'reading/add'>;
    process.stdout.write(`ACK ${reading.id} ${heartRateBpm}\n`);
  }
  core.close();
  process.stdout.write('DONE\n');
}

main().catch((error: unknown) => die(error instanceof Error ? (error.stack ?? error.message) : String(error)));
