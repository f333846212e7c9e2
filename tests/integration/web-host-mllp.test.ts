import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mllpPortFromArgv } from '../../src-main/core/monitor/mllp-port-arg';
import { startWebHost } from '../../src-main/hosts/web-host';
import { openHl7Client } from '../support/mllp-client';
import { SPO2_SAMPLE } from '../support/pcd01-samples';

describe('--mllp-port on the web host', () => {
  it('reads the flag (0: a free port) and refuses a value that is not a port, naming the flag', () => {
    expect(mllpPortFromArgv(['node', 'host', '--mllp-port', '0'])).toBe(0);
    expect(mllpPortFromArgv(['node', 'host', '--mllp-port=2575'])).toBe(2575);
    expect(mllpPortFromArgv(['node', 'host'])).toBeUndefined();
    expect(() => mllpPortFromArgv(['--mllp-port', '70000'])).toThrow(/--mllp-port must be a port number 0-65535/);
    expect(() => mllpPortFromArgv(['--mllp-port', 'x'])).toThrow(/--mllp-port/);
  });

  it('listens on a free port whatever the stored settings say, and answers a monitor there (held: no device is bound)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-mllp-host-'));
    const host = await startWebHost({ dataDir, rendererDir: dataDir, testClock: true, mllpPort: 0 });
    try {
      expect(host.mllpPort).toBeGreaterThan(0);
      const client = await openHl7Client(host.mllpPort ?? 0);
      const ack = await client.send(SPO2_SAMPLE);
      await client.close();
      expect(ack).toMatchObject({ code: 'AA', controlId: 'SPO2-77' });
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
