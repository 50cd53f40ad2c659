#!/usr/bin/env node
/**
 * `npm run gjj` and `npm run web` (issue 14: a command's fixed cost). Runs the prebuilt bundle out/main/<name>.js
 * that `npm run build` makes (electron.vite.config.ts), with Node's compile cache, when it is newer than every source
 * file it was built from; otherwise the TypeScript source through tsx, exactly as before — a checkout edited since
 * the last build never runs stale code. GJJ_FROM_SOURCE=1 always takes the source.
 * Usage: node scripts/run-built.cjs gjj|web [arguments…]
 */
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const ENTRIES = { gjj: 'cli/gjj.ts', web: 'services/http/serve.ts' };
const SOURCES = ['cli', 'services', 'shared', 'db', 'package.json', 'electron.vite.config.ts'];

function newestSource() {
  let newest = 0;
  const walk = (path) => {
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (st.mtimeMs > newest && !path.endsWith('.test.ts')) {
      newest = st.mtimeMs;
    }
  };
  for (const s of SOURCES) if (existsSync(join(ROOT, s))) walk(join(ROOT, s));
  return newest;
}

const name = process.argv[2];
const source = ENTRIES[name];
if (!source) {
  console.error(`用法：node scripts/run-built.cjs ${Object.keys(ENTRIES).join('|')} [参数…]`);
  process.exit(2);
}
const built = join(ROOT, 'out', 'main', `${name}.js`);
const useBuilt = process.env.GJJ_FROM_SOURCE !== '1' && existsSync(built) && statSync(built).mtimeMs >= newestSource();
if (process.env.GJJ_PROBE_BUILT === '1') {
  // For the benchmark: say which one would run, run nothing.
  console.log(useBuilt ? 'built' : 'source');
} else if (useBuilt) {
  require('node:module').enableCompileCache?.();
  process.argv.splice(1, 2, built);
  require(built);
} else {
  process.argv.splice(1, 2, join(ROOT, source));
  require('tsx/cjs');
  require(join(ROOT, source));
}
