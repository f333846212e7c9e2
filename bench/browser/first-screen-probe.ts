import { chromium } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../tests/support/chromium';
import { startHost } from '../../tests/e2e/host';
import { firstScreenDrawn } from './browser-bench';
import { seedClinic } from './seed-clinic';

/**
 * Where the first screen's time goes (issue 10, first screen < 500 ms). Seeds a file with
 * 10,000 finished sessions (once: later runs reuse it from the temp folder), then per round
 * starts a fresh host on a copy of it and a fresh Chromium, opens the page and prints the
 * page's own timeline: navigation, each script and style fetched, the socket opened, each
 * contract call sent and answered, the paints, the sign-in heading's first frame.
 *   node --import tsx bench/browser/first-screen-probe.ts [rounds]
 * PROBE_QUIET=1 prints only the summary; PROBE_PROFILE=1 / PROBE_TRACE=1 write the page's CPU
 * profile / a Chromium trace per round to the temp folder.
 */
const rounds = Number(process.argv[2] ?? 3);
const cacheFile = join(tmpdir(), 'vigil-first-screen-seed.json');

async function seededDir(): Promise<string> {
  if (existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { dataDir: string };
    if (existsSync(cached.dataDir)) return cached.dataDir;
  }
  const clinic = await seedClinic({ storedSessions: Number(process.env.BENCH_STORED_SESSIONS ?? 10_000), longReadings: 100, shortReadings: 10 });
  writeFileSync(cacheFile, JSON.stringify({ dataDir: clinic.dataDir }));
  return clinic.dataDir;
}

// Runs in the page before its scripts: the time of each socket frame and of the heading's first frame.
const PAGE_PROBE = `
globalThis.__name = (fn) => fn;
window.__probe = [];
const mark = (what) => window.__probe.push([performance.now(), what]);
const NativeWS = window.WebSocket;
window.WebSocket = class extends NativeWS {
  constructor(...args) { super(...args); mark('ws new'); this.addEventListener('open', () => mark('ws open'));
    this.addEventListener('message', (m) => { const f = JSON.parse(m.data); mark('ws <- ' + (f.type === 'result' ? 'result ' + f.id : f.type === 'hello' ? 'hello' : 'event ' + f.name)); }); }
  send(data) { const f = JSON.parse(data); mark('ws -> ' + f.id + ' ' + f.channel); super.send(data); }
};
new MutationObserver((list, observer) => {
  if ([...document.querySelectorAll('h1')].some((h) => h.textContent === 'Sign in')) { observer.disconnect(); mark('heading in DOM'); requestAnimationFrame(() => mark('heading frame')); }
}).observe(document, { subtree: true, childList: true, characterData: true });
document.addEventListener('DOMContentLoaded', () => mark('DOMContentLoaded'));
window.addEventListener('load', () => mark('load'));
`;

async function main(): Promise<void> {
  const seed = await seededDir();
  const summary: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-fs-'));
    cpSync(seed, dataDir, { recursive: true });
    const hostStart = performance.now();
    const host = await startHost(dataDir, 'wall');
    const hostMs = performance.now() - hostStart;
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript({ content: PAGE_PROBE });
      const cdp = process.env.PROBE_PROFILE ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      if (process.env.PROBE_TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink', 'loading', 'toplevel'] });
      // The bench's own figure (browser-bench.ts): nothing is evaluated in the page until it is drawn.
      const benchFigure = await firstScreenDrawn(page, () => page.goto(host.url));
    await page.waitForFunction(() => (window as unknown as { __probe: [number, string][] }).__probe.some(([, w]) => w === 'heading frame'));
      const timeline = await page.evaluate(() => {
        const entries: [number, string][] = [...(window as unknown as { __probe: [number, string][] }).__probe];
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        entries.push([nav.requestStart, 'nav requestStart'], [nav.responseEnd, 'nav responseEnd'], [nav.domInteractive, 'domInteractive']);
        for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
          entries.push([r.startTime, `fetch ${r.name.split('/').pop()?.split('?')[0]} start`], [r.responseEnd, `fetch ${r.name.split('/').pop()?.split('?')[0]} end (${r.encodedBodySize} B)`]);
        }
        for (const p of performance.getEntriesByType('paint')) entries.push([p.startTime, p.name]);
        for (const m of performance.getEntriesByType('mark')) entries.push([m.startTime, `mark ${m.name}`]);
        return entries.sort((a, b) => a[0] - b[0]);
      });
      if (process.env.PROBE_TRACE) writeFileSync(join(tmpdir(), `first-screen-${round + 1}.trace.json`), await browser.stopTracing());
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(join(tmpdir(), `first-screen-${round + 1}.cpuprofile`), JSON.stringify(profile));
      }
      console.log(`\nround ${round + 1}: host listening after ${hostMs.toFixed(0)} ms`);
      if (!process.env.PROBE_QUIET) for (const [at, what] of timeline) console.log(`${at.toFixed(1).padStart(8)}  ${what}`);
      const at = (what: string) => timeline.find(([, w]) => w.startsWith(what))?.[0].toFixed(0) ?? '-';
      summary.push(`heading frame ${at('heading frame')} ms, bench's figure ${benchFigure.toFixed(0)} ms (scripts in ${at('domInteractive')}, socket opened ${at('ws new')}, auth/status sent ${at('ws -> 1')}, answered ${at('ws <- result 1')})`);
    } finally {
      await browser.close();
      await host.stop();
    }
  }
  console.log(summary.join('\n'));
}

void main();
