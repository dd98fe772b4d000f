// The benchmark: the same growth-rate bar chart drawn by zhibiao, ECharts, Chart.js and uPlot, in
// Debian's Chromium (playwright-core), 800×500 at DPR 2, a fresh context per load, pages
// interleaved. Prints medians (min–max) and ratios to zhibiao; writes bench/results.json.
// Run with `make bench` (LOADS=n for more loads; default 7).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../tests/e2e/server.mjs';
import { exportedFunctionIndices, sections } from '../scripts/wasm-binary.mjs';
import { CACHE_ENTRIES } from '../scripts/spread-exports.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const LOADS = Number(process.env.LOADS ?? 7);
const MOVES = 200;
const PAGES = (process.env.PAGES ?? 'zhibiao,echarts,chartjs,uplot').split(',');
const NAMES = { zhibiao: 'zhibiao', echarts: 'ECharts', chartjs: 'Chart.js', uplot: 'uPlot' };
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

// The six H1 2023 growth rates, from the parsed dataset (the same rule as the growth chart,
// chart::members::is_growth_rate: 5G's share of traffic is a percentage for H1 2023 too, but a
// share, not a change).
const dataset = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'indicators'], { cwd: ROOT, maxBuffer: 1 << 26 }));
const rows = dataset.indicators
  .filter((i) => i.unit === 'percent' && i.measure === 'change' && i.period === '2023-H1' && i.kind === 'stated')
  .sort((a, b) => b.value - a.value)
  .map((i) => ({ label: i.label.zh, value: i.value }));
if (rows.length !== 6) throw new Error(`bench: expected the six H1 2023 growth rates, found ${rows.length}: ${rows.map((r) => r.label).join(', ')}`);
const growth = { title: '2023年上半年主要指标同比增长', source: `来源：国新办新闻发布会（工业和信息化部），${dataset.sources[0].date}`, rows };
writeFileSync(join(HERE, 'pages', 'data.js'), `window.GROWTH = ${JSON.stringify(growth)};\n`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), samples: xs });

/** The ratio of medians median(xs) ÷ median(base) with a 95 % percentile-bootstrap interval
 * (2000 resamples of each page's loads, from a fixed seed so a run's printout can be
 * reproduced from its results.json). A budget "≤ that page" is met beyond this run's noise only
 * when the interval's low end is ≥ 1. */
function ratioInterval(xs, base) {
  let seed = 0x2545f491;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const resample = (a) => a.map(() => a[Math.floor(random() * a.length)]);
  const ratios = Array.from({ length: 2000 }, () => median(resample(xs)) / median(resample(base))).sort((a, b) => a - b);
  return { ratio: median(xs) / median(base), low: ratios[49], high: ratios[1949] };
}

/** Waits for the page's `chart-ready` mark and its first contentful paint (the frame that first
 * shows the page's content: on these pages, which have nothing else to show, the chart's; a
 * reader sees the chart then, not at the mark), and resolves to their times, with one small
 * expression sent over CDP. Not with Playwright's `waitForFunction`: its first call evaluates
 * Playwright's injected script (≈ 0.5 MB, 14 ms of main-thread work in a trace) in the page. Sent
 * once `goto` resolves (at `load`), that lands after the other pages' charts, which draw while
 * the page parses, but in the middle of a chart that starts asynchronously, such as zhibiao's: an
 * A/B of 15 loads each measured zhibiao's time to ready 20 ms later with it (138.7 against 118.9
 * ms) and uPlot's the same (116.5 against 118.4 ms). Playwright's own calls come after. */
async function readiness(cdp) {
  const expression = `new Promise((resolve) => {
    const times = () => ['chart-ready', 'first-contentful-paint'].map((name) => performance.getEntriesByName(name)[0]?.startTime);
    const ready = () => times().every((t) => t !== undefined);
    if (ready()) resolve(times());
    else new PerformanceObserver((_, observer) => { if (ready()) { observer.disconnect(); resolve(times()); } }).observe({ entryTypes: ['mark', 'paint'] });
  })`;
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('bench: no chart-ready mark and first contentful paint within 30 s')), 30000); });
  try {
    const { result } = await Promise.race([cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }), timeout]);
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

async function load(browser, url, name) {
  const context = await browser.newContext({ viewport: { width: 800, height: 500 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const files = new Map();
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (!/\.(js|mjs|wasm|css)$/.test(path)) return;
    try { files.set(path, await response.body()); } catch { /* redirects have no body */ }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${url}/bench/pages/${name}.html`);
  const [readyMs, paintMs] = await readiness(cdp);
  await page.waitForTimeout(100);

  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = name === 'zhibiao'
    ? await page.evaluate(async () => (await (await import('/dist/pkg/zhibiao.js')).default()).memory.buffer.byteLength) : 0;

  const box = await page.locator(name === 'zhibiao' ? 'zhibiao-chart' : '#c').boundingBox();
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metric();
  for (let i = 0; i < MOVES; i += 1) {
    const t = i / (MOVES - 1);
    const x = box.x + 40 + (box.width - 80) * t;
    const y = box.y + 60 + (Math.min(box.height, 440) - 100) * ((i * 7) % 23) / 22;
    await page.mouse.move(x, y);
  }
  const afterMoves = await metric();
  const taskMsPerMove = ((afterMoves.TaskDuration - before.TaskDuration) * 1000) / MOVES;
  const scriptMsPerMove = ((afterMoves.ScriptDuration - before.ScriptDuration) * 1000) / MOVES;
  await context.close();

  const bytes = { raw: 0, gzip: 0, brotli: 0, files: {} };
  for (const [path, body] of files) {
    const sizes = {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    bytes.files[path] = sizes;
    for (const k of ['raw', 'gzip', 'brotli']) bytes[k] += sizes[k];
  }
  return { readyMs, paintMs, heapBytes: usedSize, wasmBytes, memoryBytes: usedSize + wasmBytes, taskMsPerMove, scriptMsPerMove, bytes };
}

const server = await serve(ROOT);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
const samples = Object.fromEntries(PAGES.map((p) => [p, []]));
for (let round = 0; round < LOADS; round += 1) {
  for (const name of PAGES) samples[name].push(await load(browser, server.url, name));
  process.stderr.write(`round ${round + 1}/${LOADS}\n`);
}
const version = browser.version();
await browser.close();
await server.close();

const metrics = ['readyMs', 'paintMs', 'taskMsPerMove', 'scriptMsPerMove', 'memoryBytes', 'heapBytes', 'wasmBytes'];
const results = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memory_gib: Math.round(totalmem() / 2 ** 30), kernel: release(), chromium: version },
  loads: LOADS,
  moves: MOVES,
  pages: Object.fromEntries(PAGES.map((name) => [name, {
    ...Object.fromEntries(metrics.map((m) => [m, summary(samples[name].map((s) => s[m]))])),
    bytes: samples[name][0].bytes,
  }])),
};
// Each page's median ÷ zhibiao's, with its interval, for the measures that vary between loads.
const varying = ['readyMs', 'paintMs', 'taskMsPerMove', 'scriptMsPerMove'];
if (PAGES.includes('zhibiao')) {
  for (const name of PAGES.filter((p) => p !== 'zhibiao')) {
    results.pages[name].ratioToZhibiao = Object.fromEntries(varying.map((m) => [m, ratioInterval(samples[name].map((s) => s[m]), samples.zhibiao.map((s) => s[m]))]));
  }
}
writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = {
  readyMs: (v) => `${v.toFixed(0)} ms`,
  paintMs: (v) => `${v.toFixed(0)} ms`,
  taskMsPerMove: (v) => `${v.toFixed(2)} ms`,
  scriptMsPerMove: (v) => `${v.toFixed(2)} ms`,
  memoryBytes: (v) => `${(v / 2 ** 20).toFixed(2)} MiB`,
};
const label = {
  readyMs: 'time to chart ready', paintMs: 'first contentful paint (the chart shown)', taskMsPerMove: 'main-thread task time per pointer move',
  scriptMsPerMove: 'script time per pointer move', memoryBytes: 'JS heap + wasm memory after ready',
};
const lines = [`| ${results.date.slice(0, 10)}, ${LOADS} loads each | ${PAGES.map((p) => NAMES[p]).join(' | ')} |`, `|---|${PAGES.map(() => '---').join('|')}|`];
for (const m of Object.keys(fmt)) {
  const base = results.pages.zhibiao[m].median;
  const cells = PAGES.map((p) => {
    const s = results.pages[p][m];
    const ratio = p === 'zhibiao' ? '' : ` (×${(s.median / base).toFixed(2)})`;
    return `${fmt[m](s.median)} (${fmt[m](s.min)}–${fmt[m](s.max)})${ratio}`;
  });
  lines.push(`| ${label[m]}, median (min–max) | ${cells.join(' | ')} |`);
}
for (const k of ['raw', 'gzip', 'brotli']) {
  const base = results.pages.zhibiao.bytes[k];
  const cells = PAGES.map((p) => {
    const v = results.pages[p].bytes[k];
    return `${(v / 1024).toFixed(1)} KB${p === 'zhibiao' ? '' : ` (×${(v / base).toFixed(2)})`}`;
  });
  lines.push(`| JS + wasm + CSS bytes, ${k === 'gzip' ? 'gzip -9' : k === 'brotli' ? 'brotli 11' : 'raw'} | ${cells.join(' | ')} |`);
}
console.log(lines.join('\n'));
console.log('\nEach page\'s median ÷ zhibiao\'s, with a 95 % bootstrap interval (above 1: zhibiao is faster beyond this run\'s noise):');
for (const m of varying) {
  const cells = PAGES.filter((p) => p !== 'zhibiao').map((p) => {
    const r = results.pages[p].ratioToZhibiao[m];
    return `${NAMES[p]} ×${r.ratio.toFixed(2)} (×${r.low.toFixed(2)}–×${r.high.toFixed(2)})`;
  });
  console.log(`  ${label[m]}: ${cells.join(', ')}`);
}
console.log(`\nMachine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory_gib} GiB; Chromium ${version}.`);
console.log('\nzhibiao files:');
for (const [path, s] of Object.entries(results.pages.zhibiao.bytes.files)) console.log(`  ${path}: ${s.raw} B raw, ${s.gzip} B gzip -9, ${s.brotli} B brotli`);

// The shipped wasm: its sections, and the indices of its exported functions. V8 turns each into
// a string at instantiation; two distinct indices equal modulo 128 grow its number-to-string cache
// from 1 KB to 64 KB of JS heap (README, Memory). assemble keeps them apart (scripts/spread-exports.mjs).
const shipped = readFileSync(join(ROOT, 'dist', 'pkg', 'zhibiao_bg.wasm'));
const parts = wasmSections(shipped);
const gz = (b) => gzipSync(b, { level: 9 }).length;
console.log(`\nshipped wasm by section (raw, gzip -9 of the section alone): ${['code', 'data', 'import', 'export'].map((k) => `${k} ${parts[k]?.length ?? 0} B, ${gz(parts[k] ?? Buffer.alloc(0))} B`).join('; ')}`);
const indices = [...new Set(Object.values(exportedFunctionIndices(shipped)))].sort((a, b) => a - b);
const clash = indices.flatMap((a, i) => indices.slice(i + 1).filter((b) => a % CACHE_ENTRIES === b % CACHE_ENTRIES).map((b) => `${a} and ${b}`));
console.log(`\nexported function indices: ${indices.join(', ')}; equal modulo ${CACHE_ENTRIES} (64 KB more JS heap in V8): ${clash.length ? clash.join(', ') : 'none'}`);

// Where the shipped wasm's bytes go: the same build re-run through wasm-bindgen and wasm-opt -Oz
// keeping function names (-g), so twiggy names the functions that readers download.
try {
  const built = join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'zhibiao.wasm');
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-twiggy-'));
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', dir, built]);
  const named = join(dir, 'named.wasm');
  execFileSync('wasm-opt', ['-Oz', '--converge', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', join(dir, 'zhibiao_bg.wasm'), '-o', named]);
  console.log(`\nwasm size breakdown (twiggy top -n 25, names kept):\n${execFileSync('twiggy', ['top', '-n', '25', named], { encoding: 'utf8' })}`);
  rmSync(dir, { recursive: true, force: true });
} catch (e) {
  console.log(`\n(no wasm breakdown: ${e.message.split('\n')[0]})`);
}

/** The byte ranges of a wasm module's sections, by name (custom sections are skipped). */
function wasmSections(bytes) {
  const names = { 2: 'import', 7: 'export', 10: 'code', 11: 'data' };
  return Object.fromEntries(sections(bytes).filter((s) => names[s.id]).map((s) => [names[s.id], s.body]));
}
