import { connect, type Socket } from 'node:net';
import { Client, Message, type Connection } from 'node-hl7-client';
import { MllpFramer } from '../../src-main/core/monitor/mllp-framer';

export interface AckSummary {
  code: string;
  controlId: string;
  text: string;
}

/**
 * An independent HL7 client (node-hl7-client, not the library Vigil parses with) that sends
 * ORU^R01 messages over MLLP and reads the ACK of each, in order.
 */
export async function openHl7Client(port: number): Promise<{ send(raw: string): Promise<AckSummary>; close(): Promise<void> }> {
  const client = new Client({ host: '127.0.0.1' });
  const waiting: ((ack: AckSummary) => void)[] = [];
  const connection: Connection = client.createConnection({ port, waitAck: true, maxConnectionAttempts: 3 } as Parameters<Client['createConnection']>[0], (response) => {
    const message = response.getMessage();
    waiting.shift()?.({ code: message.get('MSA.1').toString(), controlId: message.get('MSA.2').toString(), text: message.get('MSA.3').toString() });
  });
  return {
    send(raw) {
      const acked = new Promise<AckSummary>((resolve) => waiting.push(resolve));
      return connection.sendMessage(new Message({ text: raw })).then(() => acked);
    },
    async close() {
      await connection.close();
    },
  };
}

/** A plain TCP peer for what no well-behaved client sends: raw bytes, split frames, garbage. ACKs come back as text. */
export async function openRawPeer(port: number): Promise<{ socket: Socket; write(bytes: Buffer): void; acks(count: number, timeoutMs?: number): Promise<string[]>; close(): void }> {
  const socket = connect({ port, host: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const framer = new MllpFramer(1024 * 1024);
  const received: string[] = [];
  let notify: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    for (const event of framer.push(chunk)) if (event.kind === 'frame') received.push(event.payload.toString('utf8'));
    notify?.();
  });
  socket.on('error', () => undefined);
  return {
    socket,
    write: (bytes) => socket.write(bytes),
    acks(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${count} ACKs, got ${received.length}: ${received.join(' | ')}`)), timeoutMs);
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            notify = null;
            resolve(received.splice(0, count));
          }
        };
        notify = check;
        check();
      });
    },
    close: () => socket.destroy(),
  };
}

/** MSA-1 and MSA-2 of an ACK. */
export function ackCode(ack: string): { code: string; controlId: string } {
  const msa = ack.split('\r').find((segment) => segment.startsWith('MSA|'))?.split('|') ?? [];
  return { code: msa[1] ?? '', controlId: msa[2] ?? '' };
}
