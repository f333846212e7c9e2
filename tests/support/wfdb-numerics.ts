import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a PhysioNet WFDB numerics record (format 16: little-endian int16, channels
 * interleaved; physical value = stored / gain; -32768 = no value). See ../shared/data/README.md.
 */
export interface NumericsRecord {
  name: string;
  samplesPerMinute: number;
  channels: string[];
  /** samples[i][channel] in physical units, or null where the monitor had no value. */
  samples: (number | null)[][];
}

export const SHARED_DATA_DIR = join(__dirname, '..', '..', '..', 'shared', 'data', 'icu-numerics');

export function readNumerics(headerFile: string, dir = SHARED_DATA_DIR): NumericsRecord {
  const lines = readFileSync(join(dir, headerFile), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const [recordLine, ...signalLines] = lines;
  const [name, channelCount, frequency, sampleCount] = (recordLine ?? '').split(/\s+/);
  const signals = signalLines.slice(0, Number(channelCount)).map((line) => {
    const [file, format, gainUnit, , , , , , description] = line.split(/\s+/);
    if (format !== '16') throw new Error(`Only WFDB format 16 is supported, got ${format}`);
    return { file: file ?? '', gain: Number((gainUnit ?? '1').split('/')[0]), description: description ?? '' };
  });
  const data = readFileSync(join(dir, signals[0]?.file ?? ''));
  const count = Number(sampleCount);
  const samples: (number | null)[][] = [];
  for (let i = 0; i < count; i++) {
    samples.push(
      signals.map((signal, channel) => {
        const raw = data.readInt16LE((i * signals.length + channel) * 2);
        return raw === -32768 ? null : raw / signal.gain;
      }),
    );
  }
  return { name: name ?? '', samplesPerMinute: Math.round(Number((frequency ?? '0').split('/')[0]) * 60 * 1000) / 1000, channels: signals.map((s) => s.description), samples };
}
