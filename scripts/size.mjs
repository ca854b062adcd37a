// Size budgets (`npm run size`): gzip sizes of the built library entries, and of what a portal pays when it
// bundles `helpdesk-elements/define` with its runtime dependencies: the first load (the entry and every chunk it
// imports statically) and each chunk loaded on demand (the rich-text editor). Fails when a budget is exceeded.
// Our own script rather than size-limit, whose current line needs Node 22 (this machine has Node 20).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { build } from 'vite';

import { minifyTemplateLiterals } from './minify-template-literals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'));
const kB = (bytes) => bytes / 1024;
const gzipped = (code) => gzipSync(code, { level: 9 }).length;
const rows = [];

/** Builds in memory and returns the output chunks. */
async function bundle(config) {
  const result = await build({
    root,
    logLevel: 'silent',
    ...config,
    build: { ...config.build, write: false, emptyOutDir: false, sourcemap: false },
  });
  return (Array.isArray(result) ? result[0] : result).output.filter((item) => item.type === 'chunk');
}

/** The file names of a chunk and of every chunk it imports statically, transitively. */
function staticClosure(chunks, entry) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set();
  const visit = (chunk) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(entry);
  return seen;
}

/** Gzip bytes of the named chunks, each compressed alone (as a server sends them). */
function sumBytes(chunks, names) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  return [...names].reduce((sum, name) => sum + gzipped(byName.get(name).code), 0);
}

function report(name, bytes) {
  rows.push({ name, size: `${kB(bytes).toFixed(1)} kB`, budget: '', result: '' });
}
let failed = false;

function check(name, bytes, budgetKb) {
  const pass = kB(bytes) <= budgetKb;
  failed ||= !pass;
  rows.push({
    name,
    size: `${kB(bytes).toFixed(1)} kB`,
    budget: `${budgetKb} kB`,
    result: pass ? 'ok' : 'OVER',
  });
}

// 1. The library as published (runtime dependencies external): each entry with the chunks it imports
// statically, then all of them together (shared chunks counted once).
const library = await bundle({ configFile: `${root}vite.config.ts` });
// The kit a portal ships is `.` and `./define`; `./fixtures` and `./testing` are development tools, reported only.
const runtimeEntries = new Set(['index.js', 'define.js']);
const kit = new Set();
for (const entry of library.filter((chunk) => chunk.isEntry)) {
  const closure = staticClosure(library, entry);
  if (runtimeEntries.has(entry.fileName)) closure.forEach((name) => kit.add(name));
  report(`entry ${entry.fileName}`, sumBytes(library, closure));
}
check('kit total (. and ./define), on-demand chunks excluded', sumBytes(library, kit), budgets.kitTotal);

// 2. A portal's bundle of `helpdesk-elements/define`, everything bundled, split as Vite splits it.
const portal = await bundle({
  configFile: false,
  // As the published files are: their templates minified (vite.config.ts).
  plugins: [minifyTemplateLiterals()],
  build: { target: 'es2022', minify: true, rolldownOptions: { input: { portal: `${root}src/define.ts` } } },
});
const portalEntry = portal.find((chunk) => chunk.isEntry);
check(
  'portal first load: define + lit, rxjs, …',
  sumBytes(portal, staticClosure(portal, portalEntry)),
  budgets.portalFirstLoad,
);
// Chunks loaded on demand, with the dependencies they bring (the editor chunk carries ProseMirror).
const portalFirstLoad = staticClosure(portal, portalEntry);
for (const chunk of portal.filter((chunk) => !portalFirstLoad.has(chunk.fileName))) {
  check(`portal lazy chunk ${chunk.name}`, gzipped(chunk.code), budgets.lazyChunk);
}

// What a `<help-desk>` page downloads before the editor engine: the first load, then the four desk
// elements' views (docs/adr/010) with the chunks they share. Reported, to keep the cost of splitting seen.
const deskViews = ['conversation-list-view', 'thread-view-impl', 'ticket-sidebar-view', 'reply-editor-view'];
const deskPage = new Set(portalFirstLoad);
for (const chunk of portal.filter((chunk) => deskViews.includes(chunk.name))) {
  staticClosure(portal, chunk).forEach((name) => deskPage.add(name));
}
report(
  'portal: a <help-desk> page before the editor engine (first load + desk views)',
  sumBytes(portal, deskPage),
);

console.table(rows);
if (failed) {
  console.error('size: a budget is exceeded (size-budgets.json).');
  process.exit(1);
}
