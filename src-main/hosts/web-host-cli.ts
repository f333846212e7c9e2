import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMllpPort } from '../core/monitor/mllp-port-arg';
import { startWebHost } from './web-host';

/**
 * `node dist/host/web-host.cjs [--data-dir DIR] [--port N] [--mllp-port N] [--open-browser] [--test-clock [--test-clock-start MS]]`
 * Prints one JSON line `{"event":"listening",...}` when ready, so tests and scripts can
 * wait for it instead of sleeping.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'mllp-port': { type: 'string' },
      'renderer-dir': { type: 'string' },
      'open-browser': { type: 'boolean', default: false },
      'test-clock': { type: 'boolean', default: false },
      'test-clock-start': { type: 'string' },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? process.env.VIGIL_DATA_DIR ?? '.vigil-data');
  const rendererDir = resolve(values['renderer-dir'] ?? resolve(__dirname, '..', 'renderer'));
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);

  const testClockStartAt = values['test-clock-start'] ? Number(values['test-clock-start']) : undefined;
  if (testClockStartAt !== undefined && !Number.isSafeInteger(testClockStartAt)) throw new Error('--test-clock-start must be epoch milliseconds');
  const mllpPort = values['mllp-port'] === undefined ? undefined : parseMllpPort(values['mllp-port']);
  const host = await startWebHost({
    dataDir,
    rendererDir,
    port,
    testClock: values['test-clock'],
    ...(testClockStartAt === undefined ? {} : { testClockStartAt }),
    ...(mllpPort === undefined ? {} : { mllpPort }),
    pdfWorkerScript: resolve(__dirname, 'pdf-worker.cjs'),
  });
  if (mllpPort !== undefined && host.mllpPort === null) throw new Error(`The monitor listener could not start: ${host.core.services.monitorLink.status().error ?? 'unknown reason'}`);
  console.log(JSON.stringify({ event: 'listening', url: host.url, port: host.port, mllpPort: host.mllpPort, dataDir, testClock: values['test-clock'] }));
  if (values['test-clock']) console.warn('Vigil web host: test clock enabled (POST /__test/clock). Never use this for patient care.');
  console.warn(`Vigil console: ${host.url}`);
  if (values['open-browser']) openBrowser(host.url);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.warn(`Open ${url} in a browser.`));
  child.unref();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
