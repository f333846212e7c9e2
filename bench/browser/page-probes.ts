import type { Page } from '@playwright/test';

/**
 * Probes that run inside the page. Each function passed to `page.evaluate` runs in the
 * browser, so it may use only what it declares itself.
 */

interface ProbeWindow {
  __vigilBench?: { frames: number[]; longTasks: number[]; stop: () => void };
  __vigilWaiters?: Map<number, Promise<number>>;
}

let nextWaiter = 1;

/**
 * Starts watching for `text` to appear in an element matching `selector`; the returned
 * function resolves with the wall time (ms) of the first frame after it did. Armed before
 * the change is caused, so nothing is missed.
 */
export async function armTextWaiter(page: Page, selector: string, text: string, timeoutMs = 10_000): Promise<() => Promise<number>> {
  const id = nextWaiter++;
  await page.evaluate(
    ({ id, selector, text, timeoutMs }) => {
      const probe = window as ProbeWindow;
      probe.__vigilWaiters ??= new Map();
      const waiter = new Promise<number>((resolve, reject) => {
        const found = () => [...document.querySelectorAll(selector)].some((node) => node.textContent?.includes(text));
        const done = () => {
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(Date.now()));
        };
        const observer = new MutationObserver(() => {
          if (found()) done();
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${text}" did not appear in ${selector} within ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        if (found()) done();
      });
      probe.__vigilWaiters.set(id, waiter);
    },
    { id, selector, text, timeoutMs },
  );
  return () =>
    page.evaluate(async (id) => {
      const waiters = (window as ProbeWindow).__vigilWaiters;
      const waiter = waiters?.get(id);
      if (!waiter) throw new Error(`no waiter ${id}`);
      try {
        return await waiter;
      } finally {
        waiters?.delete(id);
      }
    }, id);
}

/** Starts recording frame intervals (requestAnimationFrame) and long tasks (> 50 ms). */
export async function startFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: number[] = [];
    const longTasks: number[] = [];
    let last = performance.now();
    let running = true;
    const frame = (now: number) => {
      frames.push(now - last);
      last = now;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    (window as ProbeWindow).__vigilBench = {
      frames,
      longTasks,
      stop: () => {
        running = false;
        observer.disconnect();
      },
    };
  });
}

export function stopFrameRecorder(page: Page): Promise<{ frames: number[]; longTasks: number[] }> {
  return page.evaluate(() => {
    const recorder = (window as ProbeWindow).__vigilBench;
    if (!recorder) throw new Error('the frame recorder was not started');
    recorder.stop();
    // The first interval runs from start-up to the first frame; it is not a frame.
    return { frames: recorder.frames.slice(1), longTasks: recorder.longTasks };
  });
}

/** The page's JavaScript heap after a full garbage collection, in MB. */
export async function pageHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `click` and returns the milliseconds from the click event in the page to the first
 * animation frame in which `drawnAt()` returns a time (it returns `performance.now()` once
 * what it waits for is on screen, false before).
 */
export async function clickToDrawn(page: Page, click: () => Promise<void>, drawnAt: () => number | false): Promise<number> {
  await page.evaluate(() => {
    document.addEventListener('click', () => ((window as { __vigilClickAt?: number }).__vigilClickAt = performance.now()), { capture: true, once: true });
  });
  await click();
  const handle = await page.waitForFunction(drawnAt, undefined, { polling: 'raf', timeout: 60_000 });
  const drawn = (await handle.jsonValue()) as number;
  await handle.dispose();
  const clickedAt = await page.evaluate(() => (window as { __vigilClickAt?: number }).__vigilClickAt ?? Number.NaN);
  return drawn - clickedAt;
}
