import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BudgetRow } from './stats';

const RENDERER_DIR = resolve('dist/renderer');

/** The JavaScript the page loads before the first screen (the scripts and module preloads index.html names), gzipped. */
export function rendererInitialJs(): BudgetRow | null {
  const indexFile = join(RENDERER_DIR, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(RENDERER_DIR, file)), { level: 9 }).length, 0);
  return { measure: `renderer initial JS, gzipped (${scripts.length} file${scripts.length === 1 ? '' : 's'})`, figure: bytes / 1024, unit: 'KB', budget: 350 };
}
