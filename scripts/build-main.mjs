// Bundles the main-process side with esbuild: the Electron main entry and its sandboxed
// preload (CommonJS, as a sandboxed preload must be), and the loopback web host that runs
// the same core for browsers and tests. better-sqlite3 stays external: it is native.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
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

const [main, preload] = await Promise.all([
  build({ ...common, metafile: true, entryPoints: { main: 'src-main/electron/main.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  build({ ...common, metafile: true, entryPoints: { preload: 'src-main/electron/preload.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { 'web-host': 'src-main/hosts/web-host-cli.ts' }, outdir: 'dist/host', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { verify: 'src-main/hosts/verify-cli.ts' }, outdir: 'dist/host', outExtension: { '.js': '.cjs' } }),
  // The report PDFs are laid out on a worker thread (src-main/core/reports/pdf-maker.ts), beside each bundle that makes them.
  ...['dist/main', 'dist/host'].map((outdir) => build({ ...common, entryPoints: { 'pdf-worker': 'src-main/core/reports/pdf-worker.ts' }, outdir, outExtension: { '.js': '.cjs' } })),
  build({ ...common, entryPoints: { 'vigil-backup': 'src-main/hosts/backup-cli.ts' }, outdir: 'dist/host', outExtension: { '.js': '.cjs' } }),
]);

// What went into the desktop bundles: the Electronegativity gate (scripts/security) checks no bundled package imports electron.
mkdirSync('dist/build-meta', { recursive: true });
writeFileSync('dist/build-meta/desktop.json', JSON.stringify({ inputs: { ...main.metafile.inputs, ...preload.metafile.inputs } }));

// The report fonts are read at run time from `fonts/` beside each bundle (see src-main/core/reports/pdf/fonts.ts).
for (const outdir of ['dist/main', 'dist/host']) {
  mkdirSync(`${outdir}/fonts`, { recursive: true });
  for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE']) {
    copyFileSync(`node_modules/dejavu-fonts-ttf/${font === 'LICENSE' ? 'LICENSE' : `ttf/${font}`}`, `${outdir}/fonts/${font}`);
  }
}
