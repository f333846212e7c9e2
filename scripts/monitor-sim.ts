// A bedside monitor simulator: replays recorded ICU numerics (../shared/data/icu-numerics) as
// IHE PCD-01 ORU^R01 messages over MLLP, one message per recorded minute, at real time or
// faster, and prints each ACK as a JSON line.
//
//   npm run monitor:sim -- --port N --device ID [--host H] [--speed X] [--record long|short|FILE.hea]
//                          [--start SAMPLE] [--count N] [--patient MRN]
//
// --speed 60 sends a recorded minute every second. Values are sent as observed now (a live
// monitor), so Vigil charts them into the session open at the device's chair.
import { connect, type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { formatHl7Time } from '../src-main/core/monitor/hl7-time';
import { MllpFramer, frameMllp } from '../src-main/core/monitor/mllp-framer';
import { pcd01Message, type Pcd01Observation } from '../src-main/core/monitor/pcd01-build';
import { readNumerics, type NumericsRecord } from '../tests/support/wfdb-numerics';

const RECORDS: Record<string, string> = { long: 's00001-2896-10-10-00-31n.hea', short: 's25047-2704-05-04-10-44n.hea' };

/** Recorded channel -> the MDC numeric a PCD-01 monitor sends for it (CLINICAL.md section 7). */
const CHANNELS: Record<string, Omit<Pcd01Observation, 'value'>> = {
  HR: { code: '147842', mnemonic: 'MDC_ECG_HEART_RATE', unitCode: '264864', unitMnemonic: 'MDC_DIM_BEAT_PER_MIN' },
  PULSE: { code: '149530', mnemonic: 'MDC_PULS_OXIM_PULS_RATE', unitCode: '264864', unitMnemonic: 'MDC_DIM_BEAT_PER_MIN' },
  SpO2: { code: '150456', mnemonic: 'MDC_PULS_OXIM_SAT_O2', unitCode: '262688', unitMnemonic: 'MDC_DIM_PERCENT' },
  RESP: { code: '151562', mnemonic: 'MDC_RESP_RATE', unitCode: '264928', unitMnemonic: 'MDC_DIM_RESP_PER_MIN' },
  NBPSys: { code: '150021', mnemonic: 'MDC_PRESS_BLD_NONINV_SYS', unitCode: '266016', unitMnemonic: 'MDC_DIM_MMHG' },
  NBPDias: { code: '150022', mnemonic: 'MDC_PRESS_BLD_NONINV_DIA', unitCode: '266016', unitMnemonic: 'MDC_DIM_MMHG' },
  NBPMean: { code: '150023', mnemonic: 'MDC_PRESS_BLD_NONINV_MEAN', unitCode: '266016', unitMnemonic: 'MDC_DIM_MMHG' },
};

export function observationsAt(record: NumericsRecord, index: number): Pcd01Observation[] {
  const sample = record.samples[index % record.samples.length] ?? [];
  return record.channels.flatMap((channel, i) => {
    const spec = CHANNELS[channel];
    const value = sample[i];
    return spec && value !== null && value !== undefined ? [{ ...spec, value: Math.round(value) }] : [];
  });
}

function option(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got "${text}"`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      device: { type: 'string' },
      speed: { type: 'string' },
      record: { type: 'string', default: 'long' },
      start: { type: 'string' },
      count: { type: 'string' },
      patient: { type: 'string' },
    },
  });
  if (!values.port || !values.device) throw new Error('Usage: npm run monitor:sim -- --port N --device ID [--speed X] [--record long|short|FILE.hea] [--count N]');
  const port = option(values.port, 'port', 0);
  const speed = option(values.speed, 'speed', 1) || 1;
  const count = values.count === undefined ? Infinity : option(values.count, 'count', 0);
  let index = option(values.start, 'start', 0);
  const record = readNumerics(RECORDS[values.record] ?? values.record);
  const intervalMs = 60_000 / record.samplesPerMinute / speed;
  const deviceId = values.device;
  console.log(JSON.stringify({ event: 'start', record: record.name, samples: record.samples.length, intervalMs, port, deviceId }));

  let socket: Socket | null = null;
  let waiting: ((ack: string) => void) | null = null;
  const framer = new MllpFramer(1024 * 1024);
  const open = () =>
    new Promise<Socket>((resolve, reject) => {
      const s = connect({ port, host: values.host });
      s.once('connect', () => resolve(s));
      s.once('error', reject);
      s.on('data', (chunk: Buffer) => {
        for (const event of framer.push(chunk)) if (event.kind === 'frame') waiting?.(event.payload.toString('utf8'));
      });
      s.on('close', () => {
        if (socket === s) socket = null;
      });
    });

  for (let sent = 0; sent < count; sent++) {
    const began = Date.now();
    const controlId = `${deviceId}-${began}-${index}`;
    const message = pcd01Message({ controlId, deviceId, observedAt: formatHl7Time(began), observations: observationsAt(record, index), ...(values.patient ? { patientId: values.patient } : {}) });
    try {
      socket ??= await open();
      const ack = await new Promise<string>((resolve, reject) => {
        waiting = resolve;
        setTimeout(() => reject(new Error('no ACK within 10 s')), 10_000).unref();
        socket?.write(frameMllp(message));
      });
      const msa = ack.split('\r').find((segment) => segment.startsWith('MSA|'))?.split('|') ?? [];
      console.log(JSON.stringify({ event: 'sent', sample: index, controlId, ack: msa[1], text: msa[3] ?? '' }));
    } catch (error) {
      console.log(JSON.stringify({ event: 'error', sample: index, error: error instanceof Error ? error.message : String(error) }));
      socket?.destroy();
      socket = null;
    }
    index += 1;
    if (sent + 1 < count) await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - began))));
  }
  socket?.end();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
