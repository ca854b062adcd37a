// `npm run bench [-- --check] [-- --quick]`: builds bench/ with Vite, serves it, and measures the
// inbox in headless Chromium (the figures of issue 3, "Speed and memory"). Prints a Markdown table
// and writes JSON to bench-results/. With --check, exits 1 when a budget is missed or a measure is
// unavailable; without it, always 0 (a benchmark, not a test).
/* global window, document -- page.evaluate callbacks run in the page */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromiumFlags, chromiumPath } from './chromium-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const quick = args.has('--quick');
/** `--typing-only`: skips the 100,000-conversation part (for work on the editor). */
const typingOnly = args.has('--typing-only');
/**
 * `--trace-scroll`: traces both scrolls (unminified build, with JS samples), prints what their longest
 * tasks held and the collector's pauses, and writes each trace to bench-results/ for DevTools (a
 * diagnosis aid).
 */
const traceScroll = args.has('--trace-scroll');
/** Records a CPU profile of each scroll (unminified build) and prints where the time went. */
const profile = args.has('--profile');
/**
 * `--heap-profile`: samples allocations during each scroll and prints what is still held after it,
 * by site; with `--all-allocations`, everything allocated, collected or not (a diagnosis aid).
 */
const heapProfile = args.has('--heap-profile');
const allAllocations = args.has('--all-allocations');
const CONVERSATIONS = 100_000;
const LONG_THREAD = 10_000;
const RUNS = 5;
const INCOMING = quick ? 20 : 50;
const REPLY_WORDS = 5_000;
const TYPED = 'The quick brown fox jumps over the lazy dog. ';

if (!chromiumPath) {
  console.error(
    'bench: Chromium not found. Install it with `apt-get install -y chromium` (or set CHROME_PATH).',
  );
  process.exit(1);
}
let puppeteer;
try {
  puppeteer = (await import('puppeteer-core')).default;
} catch {
  console.error(
    'bench: puppeteer-core is not installed. Run `npm install --no-audit --no-fund -D puppeteer-core`.',
  );
  process.exit(1);
}
const { build } = await import('vite');

const log = (line) => process.stderr.write(`bench: ${line}\n`);

// ---- Build and serve the page ------------------------------------------------------------------
const outDir = await mkdtemp(join(tmpdir(), 'helpdesk-bench-'));
log('building bench/ with Vite…');
await build({
  configFile: false,
  root: join(root, 'bench'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    minify: !profile && !heapProfile && !traceScroll,
    sourcemap: false,
  },
});

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer(async (req, res) => {
  const requested = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  const path = requested.endsWith('/') ? `${requested}index.html` : requested;
  try {
    const body = await readFile(join(outDir, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [...chromiumFlags, '--enable-precise-memory-info'],
  defaultViewport: { width: 1280, height: 800 },
  // The scrolls run for minutes in one evaluate call.
  protocolTimeout: 900_000,
});

async function openPage() {
  const page = await browser.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const cdp = await page.createCDPSession();
  return { page, cdp };
}

/** Runs `run` under the CPU profiler (with --profile) and keeps the top self times. */
async function profiled(cdp, name, run) {
  if (!profile) return run();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const value = await run();
  const { profile: data } = await cdp.send('Profiler.stop');
  await mkdir(join(root, 'bench-results'), { recursive: true });
  await writeFile(join(root, 'bench-results', `${name}.cpuprofile`), JSON.stringify(data));
  const self = new Map();
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  data.samples.forEach((id, i) => {
    const { functionName, url: file, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${file.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (data.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  log(
    `profile of ${name} (self ms):\n${top.map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)}  ${k}`).join('\n')}`,
  );
  return value;
}

/** What the longest tasks of a trace spent their time on (inclusive ms per event name). */
function longestTasksOf(onThread, runTasks, count = 3) {
  return [...runTasks]
    .sort((a, b) => b.dur - a.dur)
    .slice(0, count)
    .map((task) => {
      const inside = {};
      for (const e of onThread) {
        if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
        const d = e.args?.data;
        const name =
          e.name === 'EventDispatch'
            ? `EventDispatch ${d?.type}`
            : e.name === 'FunctionCall' || e.name === 'TimerFire'
              ? `${e.name} ${d?.functionName || ''} ${String(d?.url ?? '')
                  .split('/')
                  .pop()}:${d?.lineNumber ?? ''}`
              : e.name;
        inside[name] = (inside[name] ?? 0) + e.dur / 1000;
      }
      const top = Object.entries(inside)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12);
      return {
        ms: task.dur / 1000,
        inside: Object.fromEntries(top.map(([k, v]) => [k, Math.round(v * 10) / 10])),
      };
    });
}

/**
 * Runs `run` while tracing and returns the tasks of the page's main thread from the first `firstEvent`
 * (an EventDispatch type, or any task when null) to the end: their durations and what the longest held.
 */
async function tracedTasks(page, run, firstEvent = null, saveAs = null) {
  const samples = saveAs ? ['disabled-by-default-v8.cpu_profiler'] : [];
  await page.tracing.start({
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', ...samples],
  });
  await run();
  const raw = await page.tracing.stop();
  if (saveAs) {
    await mkdir(join(root, 'bench-results'), { recursive: true });
    await writeFile(join(root, 'bench-results', saveAs), raw);
  }
  const trace = JSON.parse(new TextDecoder().decode(raw));
  const events = trace.traceEvents ?? trace;
  const starts = firstEvent
    ? events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === firstEvent)
    : events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  if (!starts.length) return { error: firstEvent ? `no ${firstEvent} reached the page` : 'no task traced' };
  // The page's main thread: where the first event ran, or the renderer's thread that ran script.
  const { pid, tid } = firstEvent ? starts[0] : (events.find((e) => e.name === 'FunctionCall') ?? starts[0]);
  const from = Math.min(...starts.filter((e) => e.pid === pid && e.tid === tid).map((e) => e.ts));
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= from);
  const runTasks = onThread.filter((e) => e.name === 'RunTask');
  const tasks = runTasks.map((e) => e.dur / 1000);
  const pauses = (name) => {
    const ms = onThread.filter((e) => e.name === name).map((e) => e.dur / 1000);
    return { count: ms.length, longest: Math.round(Math.max(0, ...ms)) };
  };
  return {
    gc: { scavenges: pauses('MinorGC'), majorGCs: pauses('MajorGC') },
    count: firstEvent ? starts.length : undefined,
    tasks: tasks.length,
    longest: Math.max(0, ...tasks),
    over16: tasks.filter((ms) => ms > 16).length,
    over50: tasks.filter((ms) => ms > 50).length,
    p95: [...tasks].sort((a, b) => a - b)[Math.floor(tasks.length * 0.95)] ?? 0,
    longestTasks: longestTasksOf(onThread, runTasks),
  };
}

/**
 * Runs a scroll under the diagnosis the flags ask for: traced (`--trace-scroll`: the trace is kept in
 * bench-results/ and its summary in `results.traces[name]`), under the heap profiler (`--heap-profile`,
 * where `heap` allows it), or CPU-profiled (`--profile`; else plainly). Returns what the scroll returned.
 */
async function diagnosed(page, cdp, name, run, heap = false) {
  if (traceScroll) {
    let value;
    const trace = await tracedTasks(
      page,
      async () => {
        value = await run();
      },
      null,
      `trace-${name}.json`,
    );
    (results.traces ??= {})[name] = trace;
    log(`${name} trace: ${JSON.stringify(trace.gc)} ${JSON.stringify(trace.longestTasks)}`);
    return value;
  }
  if (heap) return heldAfter(cdp, name, run);
  return profiled(cdp, name, run);
}

/** Runs `run` under the sampling heap profiler and logs the allocation sites of what is held after a GC. */
async function heldAfter(cdp, name, run) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: allAllocations,
    includeObjectsCollectedByMinorGC: allAllocations,
  });
  const value = await run();
  await cdp.send('HeapProfiler.collectGarbage');
  const { profile: heap } = await cdp.send('HeapProfiler.stopSampling');
  const bySite = new Map();
  const walk = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const site = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    if (node.selfSize) bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    node.children.forEach(walk);
  };
  walk(heap.head);
  const top = [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 30);
  log(
    `${allAllocations ? 'allocated during' : 'held after'} ${name}, by allocation site:\n${top.map(([site, bytes]) => `  ${(bytes / 1e6).toFixed(1)} MB ${site}`).join('\n')}`,
  );
  return value;
}

/**
 * Types `TYPED` into the reply with real key events while tracing: every task of the page's main
 * thread from the first key until a second after the last (the draft is saved then).
 */
async function typingTasks(page) {
  const result = await tracedTasks(
    page,
    async () => {
      await page.keyboard.type(TYPED, { delay: 40 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    },
    'keydown',
  );
  return { ...result, keys: result.count };
}

/** JS heap in use after a full garbage collection, in MB. */
async function heapMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

const results = {
  date: new Date().toISOString(),
  chromium: await browser.version(),
  url,
  conversations: CONVERSATIONS,
  longThread: LONG_THREAD,
};
const unavailable = (why) => ({ unavailable: why });

try {
  // ---- 100,000 conversations --------------------------------------------------------------------
  let { page, cdp } = await openPage();
  const available = await page.evaluate(() => window.bench.available());
  results.elementsAvailable = available;
  const missing = Object.entries(available)
    .filter(([, why]) => why)
    .map(([tag, why]) => `<${tag}>: ${why}`);
  if (missing.length) log(`unavailable: ${missing.join('; ')}`);
  const ready = missing.length === 0;

  if (!typingOnly) {
    log(`creating the fixture (${CONVERSATIONS.toLocaleString('en-US')} conversations) in the page…`);
    results.load = await page.evaluate(
      (n, m) => window.bench.load({ conversations: n, firstConversationMessages: m, warmRuns: 3 }),
      CONVERSATIONS,
      LONG_THREAD,
    );
  }

  if (ready && !typingOnly) {
    const renders = [];
    for (let i = 0; i < RUNS; i++) {
      try {
        renders.push(await page.evaluate(() => window.bench.firstRender()));
      } catch (error) {
        renders.push({ error: String(error.message ?? error) });
      }
    }
    results.firstRender = renders;
    await new Promise((resolve) => setTimeout(resolve, 500));
    results.elements100k = await page.evaluate(() => window.bench.elements());
    log(`incoming messages (${INCOMING})…`);
    results.incoming = await profiled(cdp, 'incoming', () =>
      page.evaluate((n) => window.bench.incoming(n), INCOMING),
    );
    results.heapAfterRenderMb = await heapMb(cdp);
    log('scrolling the list to the end…');
    const scrollList = () => page.evaluate((t) => window.bench.scrollList(t), quick ? 30_000 : 240_000);
    results.scrollList = await diagnosed(page, cdp, 'scroll-list', scrollList, heapProfile);
    // Each scroll starts from a collected heap, as the list scroll does: otherwise the collection of
    // what the list scroll left (100,000 conversations' worth) lands in the thread scroll, a pause
    // that belongs to the previous measure (a rep's pause between the two would give the browser's
    // idle-time collector that time).
    results.heapAfterListScrollMb = await heapMb(cdp);
    log('scrolling the thread to its oldest message…');
    const scrollThread = () => page.evaluate((t) => window.bench.scrollThread(t), quick ? 30_000 : 120_000);
    results.scrollThread = await diagnosed(page, cdp, 'scroll-thread', scrollThread, heapProfile);
    results.elementsAfterScroll = await page.evaluate(() => window.bench.elements());
    results.heapAfterScrollMb = await heapMb(cdp);
  } else {
    results.heapAfterRenderMb = await heapMb(cdp);
  }
  await page.close();

  // ---- 1,000 conversations ----------------------------------------------------------------------
  if (ready) {
    ({ page, cdp } = await openPage());
    await page.evaluate(() => window.bench.available());
    await page.evaluate(
      (m) => window.bench.load({ conversations: 1000, firstConversationMessages: m }),
      LONG_THREAD,
    );
    try {
      await page.evaluate(() => window.bench.firstRender());
      await new Promise((resolve) => setTimeout(resolve, 500));
      results.elements1k = await page.evaluate(() => window.bench.elements());
    } catch (error) {
      results.elements1k = unavailable(String(error.message ?? error));
    }
    log(`typing into a ${REPLY_WORDS.toLocaleString('en-US')}-word reply…`);
    try {
      results.typingSetup = await page.evaluate((w) => window.bench.typingSetup(w), REPLY_WORDS);
      await page.keyboard.down('Control');
      await page.keyboard.press('End');
      await page.keyboard.up('Control');
      const typingCdp = await page.createCDPSession();
      results.typing = await profiled(typingCdp, 'typing', () => typingTasks(page));
      results.typingResult = await page.evaluate((t) => window.bench.typingResult(t), TYPED.trimEnd());
    } catch (error) {
      results.typing = unavailable(String(error.message ?? error));
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}

// ---- Report -----------------------------------------------------------------------------------
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const renders = (results.firstRender ?? []).filter((r) => !r.error);
const why = results.elementsAvailable
  ? Object.entries(results.elementsAvailable)
      .filter(([, w]) => w)
      .map(([t, w]) => `<${t}> ${w}`)
      .join('; ')
  : '';
const na = why ? `unavailable (${why})` : 'unavailable';
const num = (v, digits = 0) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : null);

const rows = [];
function row(metric, budget, value, pass, note = '') {
  rows.push({
    metric,
    budget,
    measured: value ?? na,
    pass: value == null ? 'n/a' : pass ? 'yes' : 'NO',
    note,
  });
}
const firstRender = renders.length === RUNS ? median(renders.map((r) => r.frame)) : null;
row(
  'first render of visible rows and messages (median of 5, ms)',
  '≤ 100',
  num(firstRender, 1),
  firstRender <= 100,
  renders.length
    ? `in DOM ${num(median(renders.map((r) => r.dom)), 1)} ms; runs ${renders.map((r) => num(r.frame)).join(', ')}`
    : (results.firstRender?.[0]?.error ?? ''),
);
const e1k = typeof results.elements1k === 'number' ? results.elements1k : null;
row(
  'elements in document incl. shadow roots, 1,000 conversations',
  '≤ 2,000',
  e1k,
  e1k !== null && e1k <= 2000,
);
const e100k = typeof results.elements100k === 'number' ? results.elements100k : null;
row(
  'elements in document incl. shadow roots, 100,000 conversations',
  '≤ 2,000',
  e100k,
  e100k !== null && e100k <= 2000,
  results.elementsAfterScroll ? `after scrolling: ${results.elementsAfterScroll}` : '',
);
const inc = results.incoming?.dom?.n ? results.incoming : null;
row(
  'incoming message → in the thread (p95, ms)',
  '≤ 16',
  num(inc?.dom.p95, 1),
  inc && inc.dom.p95 <= 16 && !inc.failed,
  inc
    ? `median ${num(inc.dom.median, 1)}; next frame p95 ${num(inc.frame.p95, 1)}; ${inc.dom.n} messages${inc.failed ? `, ${inc.failed} not shown` : ''}`
    : '',
);
const sl = results.scrollList && !results.scrollList.error ? results.scrollList : null;
row(
  'longest task scrolling the list top → bottom (ms)',
  '≤ 50',
  sl ? (sl.count ? num(sl.longest) : 'none > 50') : null,
  sl && sl.count === 0 && sl.complete,
  sl
    ? `${sl.count} long tasks; ${sl.rows} rows${sl.complete ? '' : ' (did not reach the end)'}; ${num(sl.ms / 1000, 1)} s`
    : (results.scrollList?.error ?? ''),
);
const st = results.scrollThread && !results.scrollThread.error ? results.scrollThread : null;
row(
  'longest task scrolling the thread to its oldest message (ms)',
  '≤ 50',
  st ? (st.count ? num(st.longest) : 'none > 50') : null,
  st && st.count === 0 && st.complete,
  st
    ? `${st.count} long tasks; ${st.messages} messages${st.complete ? '' : ' (did not reach the oldest)'}; ${num(st.ms / 1000, 1)} s`
    : (results.scrollThread?.error ?? ''),
);
const heap =
  Math.max(
    results.heapAfterRenderMb ?? 0,
    results.heapAfterListScrollMb ?? 0,
    results.heapAfterScrollMb ?? 0,
  ) || null;
row(
  'JS heap after GC (MB)',
  '≤ 150',
  num(heap, 1),
  heap !== null && heap <= 150,
  `after first render ${num(results.heapAfterRenderMb, 1)}${results.heapAfterListScrollMb ? `, after scrolling the list ${num(results.heapAfterListScrollMb, 1)}` : ''}${results.heapAfterScrollMb ? `, after scrolling the thread too ${num(results.heapAfterScrollMb, 1)}` : ''}`,
);
const ty = results.typing && !results.typing.error && !results.typing.unavailable ? results.typing : null;
row(
  `longest task typing into a ${REPLY_WORDS.toLocaleString('en-US')}-word reply (ms)`,
  '≤ 16',
  num(ty?.longest, 1),
  ty && ty.longest <= 16 && results.typingResult?.endsWithTyped,
  ty
    ? `${ty.keys} keys, ${ty.tasks} tasks (p95 ${num(ty.p95, 1)} ms, ${ty.over16} over 16 ms) from the first key to 1 s after the last, draft save included; reply of ${results.typingSetup?.words} words; page ${results.typingSetup?.pageOverflowPx ?? '?'} px taller than the window${results.typingResult?.endsWithTyped ? '' : `; the typed text did NOT arrive (reply ends: "${results.typingResult?.tail}")`}; 1,000 conversations`
    : (results.typing?.error ?? results.typing?.unavailable ?? ''),
);
const fx = results.load;
row(
  'createFixture, 100,000 conversations, in Chromium (warm, ms)',
  '< 1,000 (target 300)',
  num(fx?.fixtureWarmMs),
  fx && fx.fixtureWarmMs < 1000,
  fx
    ? `cold ${num(fx.fixtureColdMs)} ms; 10,000-message thread made in ${num(fx.threadMs)} ms; MemoryAdapter over it ${num(fx.adapterMs)} ms`
    : '',
);

const table = [
  '| metric | budget | measured | pass |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.metric} | ${r.budget} | ${r.measured} | ${r.pass} |`),
].join('\n');
const notes = rows
  .filter((r) => r.note)
  .map((r) => `- ${r.metric}: ${r.note}`)
  .join('\n');
console.log(`\n${table}\n\n${notes}\n\nChromium ${results.chromium}; ${results.date}`);

results.table = rows;
await mkdir(join(root, 'bench-results'), { recursive: true });
const stamp = results.date.replace(/[:.]/g, '-');
await writeFile(join(root, 'bench-results', `bench-${stamp}.json`), JSON.stringify(results, null, 2));
await writeFile(join(root, 'bench-results', 'latest.json'), JSON.stringify(results, null, 2));
log(`results written to bench-results/bench-${stamp}.json`);

const missed = rows.filter((r) => r.pass !== 'yes');
if (check && missed.length) {
  log(`--check: ${missed.length} budget(s) missed or unavailable`);
  process.exit(1);
}
