// Bundles the main-process side with esbuild: the Electron main entry and its sandboxed
// preload (CommonJS, as a sandboxed preload must be), and the loopback web host that runs
// the same core for browsers and tests. better-sqlite3 stays external: it is native.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // ws optionally speeds itself up with these native add-ons; Vigil does not ship them.
  external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
};

await Promise.all([
  build({ ...common, entryPoints: { main: 'src-main/electron/main.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { preload: 'src-main/electron/preload.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { 'web-host': 'src-main/hosts/web-host-cli.ts' }, outdir: 'dist/host', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { verify: 'src-main/hosts/verify-cli.ts' }, outdir: 'dist/host', outExtension: { '.js': '.cjs' } }),
]);

// The report fonts are read at run time from `fonts/` beside each bundle (see src-main/core/reports/pdf/fonts.ts).
for (const outdir of ['dist/main', 'dist/host']) {
  mkdirSync(`${outdir}/fonts`, { recursive: true });
  for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE']) {
    copyFileSync(`node_modules/dejavu-fonts-ttf/${font === 'LICENSE' ? 'LICENSE' : `ttf/${font}`}`, `${outdir}/fonts/${font}`);
  }
}
