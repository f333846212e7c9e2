import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The report fonts: DejaVu Sans (regular and bold) from the `dejavu-fonts-ttf` package
 * (Bitstream Vera / DejaVu licence: free to embed and redistribute). Bundled, never fetched:
 * the build copies them next to the bundle (`dist/<entry>/fonts`); from source (tests,
 * bench) they are read from node_modules.
 */
export const REPORT_FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

function fontDirectory(): string {
  const candidates = [
    // Bundled: dist/main/main.cjs or dist/host/web-host.cjs, with fonts/ beside it.
    join(__dirname, 'fonts'),
    // From source: src-main/core/reports/pdf -> the repository's node_modules.
    join(__dirname, '..', '..', '..', '..', 'node_modules', 'dejavu-fonts-ttf', 'ttf'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, REPORT_FONT_FILES.regular)));
  if (!found) throw new Error(`Report fonts not found; looked in ${candidates.join(', ')}`);
  return found;
}

let cached: ReportFonts | null = null;

/** Read once per process; each PDF embeds the subset it uses. */
export function loadReportFonts(): ReportFonts {
  if (!cached) {
    const dir = fontDirectory();
    cached = { regular: readFileSync(join(dir, REPORT_FONT_FILES.regular)), bold: readFileSync(join(dir, REPORT_FONT_FILES.bold)) };
  }
  return cached;
}
