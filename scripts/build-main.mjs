// Bundles the main-process side with esbuild: the Electron main entry and its sandboxed
// preload (CommonJS, as a sandboxed preload must be), and the loopback web host that runs
// the same core for browsers and tests. better-sqlite3 stays external: it is native.
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
]);
