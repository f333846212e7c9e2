import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrameSchema, type ServerFrame } from '../../shared/contract/wire';
import { ManualClock, type Clock } from '../core/clock';
import { rendererSecurityHeaders } from '../core/security/renderer-files';
import { openVigilCore, START_CHECKS_DELAY_MS, type VigilCore } from '../core/vigil-core';
import { createResumeTokens } from './resume-tokens';
import { readStatic } from './static-files';

export interface WebHostOptions {
  dataDir: string;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * Tests only: the core runs on a clock moved by `POST /__test/clock` so a 40-minute
   * session takes seconds. Never enabled in the desktop app.
   */
  testClock?: boolean;
  /** Where the test clock starts (default: now), e.g. to resume after a restart. */
  testClockStartAt?: number;
  /** Listen for bedside monitors (MLLP) on this port whatever the settings say; 0 picks a free one. */
  mllpPort?: number;
  /** The bundled PDF worker (`pdf-worker.cjs` beside web-host.cjs): reports are laid out off the event loop. */
  pdfWorkerScript?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  core: VigilCore;
  /** The port the monitor listener listens on, or null when it is off. */
  mllpPort: number | null;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(ws: WebSocket, frame: ServerFrame): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > limitBytes) throw new Error('body too large');
  }
  return body;
}

/**
 * The same core behind the same contract, for browsers: a loopback-only HTTP server that
 * serves the built renderer, and a WebSocket that carries contract calls and events.
 * A per-run random token (in the page URL) and Host/Origin checks keep other local
 * pages and DNS-rebinding tricks out.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const manualClock = options.testClock ? new ManualClock(options.testClockStartAt ?? Date.now()) : null;
  const clock: Clock | undefined = manualClock ?? undefined;
  // The test mode also selects the test PIN cost, so an e2e run's many sign-ins stay quick; never the desktop app.
  // Outside tests the start-up audit check waits a little, so the first screen has the machine first.
  const core = openVigilCore({ dataDir: options.dataDir, ...(clock ? { clock, pinCost: 'test' as const } : { auditCheckDelayMs: START_CHECKS_DELAY_MS }), ...(options.mllpPort === undefined ? {} : { mllpPort: options.mllpPort }), ...(options.pdfWorkerScript === undefined ? {} : { pdfWorkerScript: options.pdfWorkerScript }) });
  const token = randomBytes(24).toString('base64url');
  const resumeTokens = createResumeTokens();
  /** Tests only (test clock): sockets that come to resume are refused, to hold a dropped window out. */
  let holdResumes = false;
  let origin = '';
  let allowedHosts: string[] = [];

  const securityHeaders = (res: ServerResponse) => {
    for (const [name, value] of Object.entries(rendererSecurityHeaders([origin.replace('http://', 'ws://')]))) res.setHeader(name, value);
  };

  const server = createServer((req, res) => {
    void (async () => {
      securityHeaders(res);
      if (!allowedHosts.includes(req.headers.host ?? '')) {
        res.writeHead(421).end('Misdirected request');
        return;
      }
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/__test/clock' && manualClock && req.method === 'POST') {
        if (!sameToken(url.searchParams.get('token'), token)) {
          res.writeHead(403).end();
          return;
        }
        const { advanceMs } = JSON.parse(await readBody(req, 1024)) as { advanceMs: number };
        const now = manualClock.advance(advanceMs);
        core.services.ticker.tickNow();
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ now }));
        return;
      }
      if (url.pathname === '/__test/sockets' && manualClock && req.method === 'POST') {
        if (!sameToken(url.searchParams.get('token'), token)) {
          res.writeHead(403).end();
          return;
        }
        // Drops every socket as a network fault would (no closing handshake); the windows coming back are held out until told.
        const body = JSON.parse(await readBody(req, 1024)) as { drop: boolean; holdResumes: boolean };
        holdResumes = body.holdResumes;
        if (body.drop) for (const client of wss.clients) client.terminate();
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ holdResumes }));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const file = await readStatic(options.rendererDir, url.pathname);
      if (!file) {
        res.writeHead(404).end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': file.contentType });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const trusted =
      url.pathname === '/ws' &&
      allowedHosts.includes(req.headers.host ?? '') &&
      req.headers.origin === origin &&
      sameToken(url.searchParams.get('token'), token);
    if (!trusted) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    if (holdResumes && url.searchParams.has('resume')) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, url.searchParams.get('resume')));
  });

  /** A socket continues the connection its resume token names (a window back after a drop), or starts a new one, signed out. */
  function attach(ws: WebSocket, resume: string | null): void {
    const resumed = resume ? resumeTokens.take(resume) : null;
    const connection = resumed ?? core.connect();
    const resumeToken = resumeTokens.issue(connection);
    const unsubscribe = connection.onEvent((name, payload, seq) => send(ws, { type: 'event', name, payload, seq }));
    send(ws, { type: 'hello', resumed: resumed !== null, resumeToken });
    ws.on('message', (data) => {
      let frame;
      try {
        frame = ClientFrameSchema.parse(JSON.parse(String(data)));
      } catch (error) {
        console.warn(`web host: malformed frame, closing the socket: ${error instanceof Error ? error.message : String(error)}`);
        ws.close(1008, 'malformed frame');
        return;
      }
      void connection.call(frame.channel, frame.request).then((result) => send(ws, { type: 'result', id: frame.id, result }));
    });
    ws.on('close', (code, reason) => {
      if (code !== 1000 && code !== 1001) console.warn(`web host: socket closed ${code} ${String(reason)}`);
      // Events stop; the connection (and its sign-in) waits a while for the window to come back.
      unsubscribe();
      resumeTokens.park(resumeToken);
    });
    ws.on('error', (error) => console.warn(`web host: socket error ${error.message}`));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${LOOPBACK}:${port}`;
  allowedHosts = [`${LOOPBACK}:${port}`, `localhost:${port}`];
  await core.monitorReady;

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    core,
    mllpPort: core.services.monitorLink.status().listeningPort,
    async close() {
      resumeTokens.closeAll();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.services.monitorLink.close();
      core.close();
    },
  };
}
