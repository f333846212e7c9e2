/**
 * `node --import tsx bench/browser/profile-readings.ts [seconds]`: a CPU profile of the page
 * while readings arrive once a second on the open 28,800-reading session (chair 1), to find
 * where a reading's cost goes. Prints the heaviest functions by self time, the long tasks and
 * the commit-to-visible time of each reading's alert value; writes the profile to
 * /tmp/vigil-readings.cpuprofile (open it in Chromium's DevTools). Needs `npm run build`.
 * The seeded file is kept in /tmp/vigil-profile-seed and reused (delete it to reseed).
 */
import { chromium } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../tests/support/chromium';
import { openWsClient } from '../../tests/support/ws-client';
import { startHost } from '../../tests/e2e/host';
import { BENCH_ACCOUNT } from '../seed';
import { armTextWaiter, clickToDrawn, startFrameRecorder, stopFrameRecorder } from './page-probes';
import { seedClinic, type SeededClinic } from './seed-clinic';

const SEED_DIR = '/tmp/vigil-profile-seed';
const seconds = Number(process.argv[2] ?? 12);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function seeded(): Promise<SeededClinic> {
  const meta = join(SEED_DIR, 'clinic.json');
  if (!existsSync(meta)) {
    const clinic = await seedClinic({ storedSessions: 20, longReadings: Number(process.env.BENCH_LONG_READINGS ?? 28_800), shortReadings: 10 });
    cpSync(clinic.dataDir, join(SEED_DIR, 'data'), { recursive: true });
    writeFileSync(meta, JSON.stringify(clinic));
  }
  const clinic = JSON.parse(readFileSync(meta, 'utf8')) as SeededClinic;
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-profile-'));
  cpSync(join(SEED_DIR, 'data'), dataDir, { recursive: true });
  return { ...clinic, dataDir };
}

function selfTimes(profile: Profile): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`;
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Runs of samples with no idle one among them, longer than `minMs`: the profile's long tasks, as sample index ranges. */
function busyRuns(profile: Profile, minMs: number): [number, number, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const runs: [number, number, number][] = [];
  let start = -1;
  let ms = 0;
  profile.samples.forEach((id, index) => {
    const idle = byId.get(id)?.callFrame.functionName === '(idle)';
    if (idle) {
      if (start >= 0 && ms > minMs) runs.push([start, index, ms]);
      start = -1;
      ms = 0;
    } else {
      if (start < 0) start = index;
      ms += (profile.timeDeltas[index] ?? 0) / 1000;
    }
  });
  return runs;
}

/** Time with the function anywhere on the stack (counted once per sample), over the samples `within` keeps (all by default). */
function inclusiveTimes(profile: Profile, within: (index: number) => boolean = () => true): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    if (!within(index)) return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !frame.functionName) continue;
      seen.add(frame.functionName);
    }
    for (const name of seen) totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const clinic = await seeded();
  const host = await startHost(clinic.dataDir, 'wall');
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.goto(host.url);
    await page.getByLabel('Username').fill(BENCH_ACCOUNT.username);
    await page.getByLabel('PIN').fill(BENCH_ACCOUNT.pin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('chair-tab').first().waitFor();
    // PROFILE_OPEN=1: the profile covers opening chair 1 instead of the readings.
    const openCdp = process.env.PROFILE_OPEN ? await page.context().newCDPSession(page) : null;
    if (openCdp) {
      await openCdp.send('Profiler.enable');
      await openCdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await openCdp.send('Profiler.start');
    }
    const openMs = await clickToDrawn(
      page,
      () => page.getByTestId('chair-tab').filter({ has: page.getByText('Chair 1', { exact: true }) }).click(),
      () => ([...document.querySelectorAll('[data-testid="vitals-chart"] path.recharts-curve, [data-testid="vitals-history"] path')].some((line) => (line.getAttribute('d') ?? '').length > 0) && document.querySelector('[data-testid="reading-row"]') ? performance.now() : false),
    );
    console.log(`open chair 1: ${openMs.toFixed(0)} ms`);
    if (openCdp) {
      const { profile } = (await openCdp.send('Profiler.stop')) as { profile: Profile };
      writeFileSync('/tmp/vigil-open.cpuprofile', JSON.stringify(profile));
      console.log('heaviest by self time while opening:');
      for (const [name, ms] of selfTimes(profile).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
      console.log('heaviest by inclusive time while opening:');
      for (const [name, ms] of inclusiveTimes(profile).slice(0, 40)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
      return;
    }
    const rowHeights = await page.evaluate(() => [...document.querySelectorAll('[data-testid="reading-row"]')].slice(0, 5).map((row) => row.getBoundingClientRect().height));
    console.log(`table row heights: ${rowHeights.join(' ')}`);
    if (process.env.PROFILE_SCREENSHOT) await page.screenshot({ path: process.env.PROFILE_SCREENSHOT, fullPage: true });
    const client = await openWsClient(host);
    await client.call('auth/signIn', BENCH_ACCOUNT);
    const normal = { heartRateBpm: 74, systolicMmHg: 126, diastolicMmHg: 78, spo2Pct: 98, respiratoryRatePerMin: 14 };
    // PROFILE_FOLD=1: the profile starts before the first reading, which crosses the seeded session's gap and moves the trend's axis on.
    const early = process.env.PROFILE_FOLD ? await page.context().newCDPSession(page) : null;
    if (early) {
      await early.send('Profiler.enable');
      await early.send('Profiler.setSamplingInterval', { interval: 200 });
      await early.send('Profiler.start');
      await startFrameRecorder(page);
    }
    for (const systolicMmHg of [199, 198]) {
      await client.call('reading/add', { sessionId: clinic.longSessionId, values: { ...normal, systolicMmHg, diastolicMmHg: 96 } });
      await sleep(700);
    }
    await page.getByTestId('active-alert').first().waitFor();
    await sleep(1500);
    const cdp = early ?? (await page.context().newCDPSession(page));
    if (!early) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await startFrameRecorder(page);
    }
    const latencies: number[] = [];
    for (let second = 0; second < seconds; second++) {
      const systolicMmHg = 181 + (second % 12);
      const visible = await armTextWaiter(page, '[data-testid="alert-now"]', `${systolicMmHg} mmHg`);
      const sentAt = Date.now();
      const added = await client.call('reading/add', { sessionId: clinic.longSessionId, values: { ...normal, systolicMmHg, diastolicMmHg: 94 } });
      latencies.push((await visible()) - sentAt);
      await sleep(1000);
      // PROFILE_MARKS=1: a correction, an artifact mark and a late entry inside the window (each redraws the trend).
      if (process.env.PROFILE_MARKS && added.ok && second % 4 === 1) {
        // Older rows than the newest, so the alert stays raised and the next reading's value shows in it.
        const readingId = (added.value as { reading: { id: number } }).reading.id - 1;
        const mark = (second >> 2) % 3;
        if (mark === 0) await client.call('reading/correct', { readingId, values: { ...normal, systolicMmHg: 190, diastolicMmHg: 94 }, reason: 'Cuff moved' });
        if (mark === 1) await client.call('reading/annotate', { readingId, kind: 'artifact', reason: 'Patient moving' });
        if (mark === 2) await client.call('reading/add', { sessionId: clinic.longSessionId, observedAt: sentAt - 20 * 60_000, values: normal });
        await sleep(1000);
      }
    }
    const { frames, longTasks } = await stopFrameRecorder(page);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    writeFileSync('/tmp/vigil-readings.cpuprofile', JSON.stringify(profile));
    client.close();
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(`alert visible per reading, ms: ${latencies.join(' ')}`);
    console.log(`frames ${frames.length}, p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} ms; long tasks: ${longTasks.map((d) => d.toFixed(0)).join(' ')}`);
    const top = selfTimes(profile);
    const busy = top.filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)')).reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`busy ${busy.toFixed(0)} ms over ${seconds} readings (${(busy / seconds).toFixed(1)} ms per reading); heaviest by self time:`);
    for (const [name, ms] of top.slice(0, Number(process.env.PROFILE_TOP ?? 40))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    console.log('heaviest by inclusive time (named functions):');
    for (const [name, ms] of inclusiveTimes(profile).slice(0, Number(process.env.PROFILE_TOP ?? 40))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    const runs = busyRuns(profile, 30);
    console.log(`busy runs over 30 ms (no idle sample): ${runs.map(([, , ms]) => ms.toFixed(0)).join(' ') || 'none'}; heaviest inside them:`);
    const inRun = (index: number) => runs.some(([start, end]) => index >= start && index < end);
    for (const [name, ms] of inclusiveTimes(profile, inRun).slice(0, Number(process.env.PROFILE_TOP ?? 40))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  } finally {
    await browser.close();
    await host.stop();
  }
}

void main();
