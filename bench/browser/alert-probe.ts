import { chromium, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../tests/support/chromium';
import { startHost } from '../../tests/e2e/host';
import { BENCH_ACCOUNT } from '../seed';
import { percentile } from '../stats';
import { openChair, runAlertRounds, signedInClient, type AlertRound } from './browser-bench';
import { seedClinic } from './seed-clinic';

/**
 * Why a commit-to-alert-visible round is slow (issue 10: p99 < 50 ms): runs the bench's alert
 * rounds at 10 and at ALERT_PROBE_LONG readings (28,800 by default) with the page recording
 * every socket frame it receives, its long tasks and its gaps between frames, then prints the
 * slowest rounds split into host + wire (sent -> reading/added in the page: the new value the
 * alert shows comes with the reading) and page (reading/added -> first frame showing it),
 * with what else arrived or ran in between.
 *   node --import tsx bench/browser/alert-probe.ts [rounds per size]
 * ALERT_PROBE_PROFILE=1 writes the page's CPU profile over the rounds at 10 readings to the temp folder.
 */
const rounds = Number(process.argv[2] ?? 100);
const longReadings = Number(process.env.ALERT_PROBE_LONG ?? 28_800);

const PAGE_RECORDER = `
globalThis.__name = (fn) => fn;
window.__rec = { frames: [], longTasks: [], gaps: [] };
const NativeWS = window.WebSocket;
window.WebSocket = class extends NativeWS {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (m) => {
      const at = Date.now();
      const f = JSON.parse(m.data);
      window.__rec.frames.push([at, f.type === 'event' ? f.name : f.type]);
    });
  }
};
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__rec.longTasks.push([performance.timeOrigin + e.startTime, e.duration]); }).observe({ type: 'longtask' });
let last = performance.now();
const tick = (now) => { if (now - last > 25) window.__rec.gaps.push([performance.timeOrigin + last, now - last]); last = now; requestAnimationFrame(tick); };
requestAnimationFrame(tick);
`;

interface Recorded {
  frames: [number, string][];
  longTasks: [number, number][];
  gaps: [number, number][];
}

async function report(page: Page, label: string, done: AlertRound[]): Promise<void> {
  const rec = await page.evaluate(() => (window as unknown as { __rec: Recorded }).__rec);
  const latencies = done.map((round) => round.visibleAt - round.sentAt);
  console.log(`\n${label}: ${done.length} rounds, p50 ${percentile(latencies, 50)} p90 ${percentile(latencies, 90)} p99 ${percentile(latencies, 99)} max ${Math.max(...latencies)} ms`);
  const slowest = done.map((round, index) => ({ ...round, index, ms: round.visibleAt - round.sentAt })).sort((a, b) => b.ms - a.ms).slice(0, 8);
  for (const round of slowest) {
    const inWindow = rec.frames.filter(([at]) => at >= round.sentAt && at <= round.visibleAt);
    const readingAt = inWindow.find(([, name]) => name === 'reading/added')?.[0];
    const tasks = rec.longTasks.filter(([start, ms]) => start + ms >= round.sentAt && start <= round.visibleAt).map(([, ms]) => ms.toFixed(0));
    const gaps = rec.gaps.filter(([start, ms]) => start + ms >= round.sentAt && start <= round.visibleAt).map(([, ms]) => ms.toFixed(0));
    console.log(
      `  round ${round.index}: ${round.ms} ms = host+wire ${readingAt === undefined ? '?' : readingAt - round.sentAt} + page ${readingAt === undefined ? '?' : round.visibleAt - readingAt}; frames in: ${inWindow.map(([at, name]) => `${name}@${at - round.sentAt}`).join(' ')}; long tasks ${tasks.join(',') || '-'}; frame gaps ${gaps.join(',') || '-'}`,
    );
  }
  await page.evaluate(() => {
    const r = (window as unknown as { __rec: Recorded }).__rec;
    r.frames.length = 0;
    r.longTasks.length = 0;
    r.gaps.length = 0;
  });
}

async function main(): Promise<void> {
  const clinic = await seedClinic({ storedSessions: Number(process.env.BENCH_STORED_SESSIONS ?? 300), longReadings, shortReadings: 10 });
  const host = await startHost(clinic.dataDir, 'wall');
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript({ content: PAGE_RECORDER });
    await page.goto(host.url);
    await page.getByLabel('Username').fill(BENCH_ACCOUNT.username);
    await page.getByLabel('PIN').fill(BENCH_ACCOUNT.pin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('chair-tab').first().waitFor();
    const client = await signedInClient(host);
    await openChair(page, 'Chair 2');
    const cdp = process.env.ALERT_PROBE_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const started = Date.now();
    await report(page, 'at 10 readings', await runAlertRounds(page, client, clinic.shortSessionIds[0] as number, rounds));
    console.log(`  (${((Date.now() - started) / rounds).toFixed(0)} ms per round)`);
    if (cdp) writeFileSync(join(tmpdir(), 'alert-probe.cpuprofile'), JSON.stringify((await cdp.send('Profiler.stop')).profile));
    await openChair(page, 'Chair 1');
    await report(page, `at ${longReadings.toLocaleString('en')} readings`, await runAlertRounds(page, client, clinic.longSessionId, rounds));
    client.close();
  } finally {
    await browser.close();
    await host.stop();
  }
}

void main();
