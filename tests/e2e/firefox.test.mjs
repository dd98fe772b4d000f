// The shipped build (`dist/`: minified glue, shortened names, wasm-opt's output) in Firefox, driven
// by geckodriver over WebDriver: the other e2e tests run in Chromium only (playwright-core drives
// no stock Firefox), and `wasm-pack test --firefox` loads the unoptimised test build. Needs
// `make build` and geckodriver (which `make setup` installs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { serve } from './server.mjs';
import { COUNT_DRAWS, FIRST_BAR, PAGE_FONT_FILE, SHOWN } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let driver;
let server;
let endpoint;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** One WebDriver command; throws with the driver's message on an error. */
async function command(method, path, body) {
  const response = await fetch(`${endpoint}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${value?.error}: ${value?.message}`);
  return value;
}

before(async () => {
  server = await serve(ROOT);
  const port = await freePort();
  driver = spawn(process.env.GECKODRIVER ?? 'geckodriver', ['--port', String(port)], { stdio: 'ignore' });
  endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try { await fetch(`${endpoint}/status`); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error('geckodriver did not start');
});
after(async () => {
  driver?.kill();
  await server?.close();
});

/** A fresh headless Firefox at devicePixelRatio 2, light preferred (and `prefs`); `fn(run, actions)` with
 * `run(body, ...args)` running a function body in the page (SHOWN and FIRST_BAR defined), and
 * `actions(list)` performing WebDriver actions. */
async function withFirefox(fn, prefs = {}) {
  const session = await command('POST', '/session', { capabilities: { alwaysMatch: {
    browserName: 'firefox',
    'moz:firefoxOptions': { binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr', args: ['-headless'], prefs: {
      'layout.css.devPixelsPerPx': '2', 'layout.css.prefers-color-scheme.content-override': 1, ...prefs } },
  } } });
  const base = `/session/${session.sessionId}`;
  try {
    await command('POST', `${base}/window/rect`, { width: 1000, height: 2600 });
    const helpers = `(${SHOWN})(); const FIRST_BAR = ${FIRST_BAR};`;
    const run = (body, ...args) => command('POST', `${base}/execute/sync`, { script: `${helpers}\n${body}`, args });
    const go = (url) => command('POST', `${base}/url`, { url: `${server.url}${url}` });
    const actions = (list) => command('POST', `${base}/actions`, { actions: list });
    // A PDF of the page as Firefox prints it (WebDriver's default paper, US Letter, portrait), as text.
    const print = async () => Buffer.from(await command('POST', `${base}/print`, {}), 'base64').toString('latin1');
    await fn({ run, go, actions, print });
  } finally {
    await command('DELETE', base);
  }
}

/** Polls `body` in the page until it returns something truthy; fails naming `what` after 15 s. */
async function until(run, body, what) {
  for (const end = Date.now() + 15000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const value = await run(body);
    if (value) return value;
  }
  throw new Error(`not within 15 s: ${what}`);
}

/** The top-left pixel of what the chart `id` shows (browser.mjs's `__corner`). */
const CORNER = (id) => `window.__corner(document.getElementById(${JSON.stringify(id)}))`;

test('in Firefox, the shipped build draws every chart at DPR 2, answers hover and keys, and follows a switch of colour scheme', async () => {
  await withFirefox(async ({ run, go, actions }) => {
    await go('/tests/e2e/fixtures/firefox.html');
    await until(run, 'return window.__ready.length === 3', 'chart-ready from all three charts');
    assert.equal(await run('return devicePixelRatio'), 2);
    // Each drawn, into a backing store of its CSS size × DPR.
    const drawn = await run(`return ['growth', '5g', 'nev'].map((id) => {
      const { canvas, context } = window.__shown(document.getElementById(id));
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) ink += 1;
      const rect = canvas.getBoundingClientRect();
      return [id, canvas.width === Math.round(rect.width * 2) && canvas.height === rect.height * 2, ink > 2000];
    });`);
    assert.deepEqual(drawn, [['growth', true, true], ['5g', true, true], ['nev', true, true]]);
    // The page's point: highlighted, without a card; the mouse over its bar shows the card.
    const card = (id) => `return document.getElementById(${JSON.stringify(id)}).shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null`;
    const marker = await until(run, `const m = [...document.getElementById('nev').shadowRoot.querySelectorAll('.marker')].find((x) => !x.hidden);
      const r = m?.getBoundingClientRect();
      return r && [Math.round(r.left + 5), Math.round(r.top + r.height / 2)];`, "the NEV chart's focus-point highlighted");
    assert.equal(await run(card('nev')), null, 'no card at rest');
    await actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', origin: 'viewport', x: marker[0], y: marker[1], duration: 0 }] }]);
    assert.equal(await until(run, card('nev'), "the highlighted bar's card on hover"), '44.1%');
    // Hover over the growth chart's first bar: its card.
    const at = await run(`const el = document.getElementById('growth');
      const point = FIRST_BAR(el);
      const box = window.__shown(el).canvas.getBoundingClientRect();
      return point && [Math.round(box.left + point.x), Math.round(box.top + point.y)];`);
    assert.ok(at, 'a bar in the growth chart');
    await actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', origin: 'viewport', x: at[0], y: at[1], duration: 0 }] }]);
    assert.equal(await until(run, card('growth'), 'a card on hover'), '44.1%');
    // Keys: the live region says the point reached.
    await run(`document.getElementById('growth').shadowRoot.querySelector('canvas[role=application]').focus()`);
    await actions([{ type: 'key', id: 'keys', actions: [{ type: 'keyDown', value: '\uE015' }, { type: 'keyUp', value: '\uE015' }] }]);
    const said = await until(run, `return document.getElementById('growth').shadowRoot.querySelector('[role=status]').textContent`, 'the live region');
    // From the hovered first bar, ArrowDown reaches the second: NEV production's 42.4%.
    assert.match(said, /^新能源汽车产量增速：42\.4%，.*第2项，共9项。$/);
    // The page turns dark: every chart redraws dark.
    for (const id of ['growth', '5g', 'nev']) assert.equal(await run(`return ${CORNER(id)}`), 'ffffff', `${id} light`);
    await run(`document.documentElement.style.colorScheme = 'dark'`);
    for (const id of ['growth', '5g', 'nev']) await until(run, `return ${CORNER(id)} === '16181c'`, `${id} redrawn dark`);
    assert.deepEqual(await run('return window.__errors'), []);
  });
});

test('in Firefox, a chart printed with its table open prints the table too (Firefox leaves out of a print what a container query lays out)', async () => {
  await withFirefox(async ({ run, go, print }) => {
    await go('/dist/embed.html?chart=growth&lang=en');
    const chart = "document.querySelector('zhibiao-chart')";
    await until(run, "return document.title.startsWith('Year-on-year')", 'the title from chart-ready');
    // Its pages' count, from the Pages object in a compressed object stream (cairo's output).
    const pages = (pdf) => {
      for (const m of pdf.matchAll(/\/Type \/ObjStm[\s\S]*?stream\r?\n/g)) {
        const start = m.index + m[0].length;
        const objects = inflateSync(Buffer.from(pdf.slice(start, pdf.indexOf('endstream', start)), 'latin1')).toString('latin1');
        const count = objects.match(/\/Type \/Pages\s+\/Kids \[[^\]]*\]\s+\/Count (\d+)/);
        if (count) return Number(count[1]);
      }
      return 0;
    };
    const closed = await print();
    await run(`${chart}.shadowRoot.querySelector('[aria-pressed]').click();`);
    await until(run, `return ${chart}.shadowRoot.querySelector('[aria-pressed]').getAttribute('aria-pressed') === 'true'`, 'the table shown');
    const open = await print();
    // The chart fills most of a page; its nine rows of figures and quotes take another.
    assert.equal(pages(closed), 1);
    assert.ok(pages(open) >= 2, `${pages(open)} page(s) with the table open`);
    // Its text too (fonts and glyphs), not blank pages where its rows would be.
    assert.ok(open.length - closed.length > 20000, `${open.length - closed.length} bytes more with the table open`);
  });
});

test('in Firefox, the iframe embed page draws the chart its query names, dark when asked', async () => {
  await withFirefox(async ({ run, go }) => {
    await go('/dist/embed.html?chart=nev&lang=en&theme=dark');
    // The frame's title becomes the chart's at chart-ready.
    await until(run, "return document.title.startsWith('New energy vehicle')", 'the title from chart-ready');
    assert.equal(await run(`return ${CORNER('chart')}`), '16181c');
  });
});

test('in Firefox, which has no text-wrap: pretty, no quote in a phone-wide data table ends with one character alone on its last line', async () => {
  await withFirefox(async ({ run, go }) => {
    for (const chart of ['5g', 'growth']) {
      await go(`/dist/embed.html?chart=${chart}&lang=zh`);
      await until(run, "return document.querySelector('zhibiao-chart')?.shadowRoot?.querySelector('.toolbar button')", `the ${chart} chart's toolbar`);
      // A phone's column: the table stacks each row, its quote as wide as the table.
      await run(`const el = document.querySelector('zhibiao-chart');
        el.style.width = '375px';
        el.shadowRoot.querySelector('.toolbar button').click();`);
      await until(run, "return document.querySelector('zhibiao-chart').shadowRoot.querySelectorAll('.table td:last-child > span').length", `the ${chart} chart's table`);
      // The characters on each quote's last line (by where each character's box ends).
      const lastLines = await run(`return [...document.querySelector('zhibiao-chart').shadowRoot.querySelectorAll('.table td:last-child > span')].map((quote) => {
        const chars = [];
        const walk = (node) => { if (node.nodeType === 3) for (let i = 0; i < node.data.length; i += 1) chars.push([node, i]); else node.childNodes.forEach(walk); };
        walk(quote);
        const bottoms = chars.map(([node, i]) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return Math.round(r.getBoundingClientRect().bottom); });
        const last = Math.max(...bottoms);
        return chars.filter((c, k) => bottoms[k] === last).map(([node, i]) => node.data[i]).join('');
      });`);
      assert.ok(lastLines.length >= 3, `${chart}: quotes found`);
      for (const line of lastLines) {
        // Letters and digits, not the closing marks that follow them (…增强。” ends in 2).
        assert.ok(line.replace(/[\p{P}\s]/gu, '').length >= 2, `${chart}: a quote's last line is "${line}"`);
      }
    }
  });
});

test('in Firefox, Download PNG and Download CSV save their files (blob: links; the PNG encoded by toBlob after the click)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-firefox-downloads-'));
  try {
    await withFirefox(async ({ run, go, actions }) => {
      await go('/dist/embed.html?chart=nev&lang=en');
      await until(run, "return document.querySelector('zhibiao-chart')?.shadowRoot?.querySelector('.toolbar button')", 'the toolbar');
      for (const [name, file] of [['Download PNG', 'zhibiao-china-nev-growth-2023-h1-en.png'], ['Download CSV', 'zhibiao-china-nev-growth-2023-h1-en.csv']]) {
        // A real click, at the button's centre.
        const at = await run(`const b = [...document.querySelector('zhibiao-chart').shadowRoot.querySelectorAll('.toolbar button')]
          .find((x) => x.textContent === arguments[0]);
        const r = b.getBoundingClientRect();
        return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];`, name);
        await actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', origin: 'viewport', x: at[0], y: at[1], duration: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }]);
        // Firefox puts an empty file of the name there at once and writes a .part file beside
        // it, which it renames over the empty one when done: read only after that.
        const path = join(dir, file);
        const done = () => statSync(path, { throwIfNoEntry: false })?.size > 0 && !readdirSync(dir).some((f) => f.endsWith('.part'));
        for (const end = Date.now() + 15000; !done() && Date.now() < end;) await new Promise((r) => setTimeout(r, 100));
        assert.ok(done(), `${name}: ${file} in ${readdirSync(dir).join(', ') || 'nothing'}`);
      }
      const png = readFileSync(join(dir, 'zhibiao-china-nev-growth-2023-h1-en.png'));
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      const csv = readFileSync(join(dir, 'zhibiao-china-nev-growth-2023-h1-en.csv'), 'utf8');
      assert.ok(csv.startsWith('\ufeffpanel,id,') && csv.includes(',nev_sales_growth,'), csv.slice(0, 80));
    }, { 'browser.download.folderList': 2, 'browser.download.dir': dir, 'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false, 'browser.download.alwaysOpenPanel': false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("in Firefox, the context menu on a chart saves the chart: the canvas under the pointer holds what the view shows; a right-click pins no point", async () => {
  await withFirefox(async ({ run, go, actions }) => {
    await go('/tests/e2e/fixtures/firefox.html');
    await until(run, 'return window.__ready.length === 3', 'chart-ready from all three charts');
    // The view has taken over: the drawn canvas gave up its picture.
    await until(run, `const root = document.getElementById('growth').shadowRoot;
      return root.querySelector('canvas.view:not([hidden])') && root.querySelector('canvas[role=application]').width === 0`, 'the view');
    const at = await run(`const el = document.getElementById('growth');
      const point = FIRST_BAR(el);
      const box = window.__shown(el).canvas.getBoundingClientRect();
      return [Math.round(box.left + point.x), Math.round(box.top + point.y)];`);
    await actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', origin: 'viewport', x: at[0], y: at[1], duration: 0 }, { type: 'pointerDown', button: 2 }, { type: 'pointerUp', button: 2 }] }]);
    const differing = await run(`const el = document.getElementById('growth');
      const drawn = el.shadowRoot.querySelector('canvas[role=application]');
      const shown = window.__shown(el);
      if (drawn.width !== shown.canvas.width || drawn.height !== shown.canvas.height) return drawn.width + '×' + drawn.height;
      const a = drawn.getContext('2d').getImageData(0, 0, drawn.width, drawn.height).data;
      const b = shown.context.getImageData(0, 0, drawn.width, drawn.height).data;
      let n = 0;
      for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) n += 1;
      return n;`);
    assert.equal(differing, 0, 'the canvas a context menu saves holds the chart shown');
    // The mouse leaves: its card goes, as a hover's does.
    await actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', origin: 'viewport', x: 990, y: 2500, duration: 0 }] }]);
    await until(run, "return !document.getElementById('growth').shadowRoot.querySelector('.tip.shown')", 'the card gone with the mouse');
    assert.deepEqual(await run('return window.__errors'), []);
  });
});

test('in Firefox, keys used after a click on the chart ring the chart and the point they reach (Firefox keeps :focus-visible off after a click, also once keys are used)', async () => {
  await withFirefox(async ({ run, go, actions }) => {
    await go('/dist/embed.html?chart=growth&lang=en');
    await until(run, "return document.querySelector('zhibiao-chart')?.shadowRoot?.querySelector('canvas.view:not([hidden])')", 'the view');
    const at = await run(`const el = document.querySelector('zhibiao-chart');
      const point = FIRST_BAR(el);
      const box = window.__shown(el).canvas.getBoundingClientRect();
      return [Math.round(box.left + point.x), Math.round(box.top + point.y)];`);
    // A click on the first bar (which focuses the chart), the mouse off the chart, then Home.
    await actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', origin: 'viewport', x: at[0], y: at[1], duration: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
      { type: 'pointerMove', origin: 'viewport', x: 2, y: at[1], duration: 0 }] }]);
    const rings = `const root = document.querySelector('zhibiao-chart').shadowRoot;
      const key = root.querySelector('.marker.key:not([hidden])');
      return [root.activeElement === root.querySelector('canvas[role=application]'), getComputedStyle(root.querySelector('canvas.view')).outlineStyle, key ? getComputedStyle(key).boxShadow !== 'none' : null];`;
    assert.deepEqual(await run(rings), [true, 'none', null], 'after the click: focused, no ring, no keyed point');
    await actions([{ type: 'key', id: 'keys', actions: [{ type: 'keyDown', value: '\uE011' }, { type: 'keyUp', value: '\uE011' }] }]);
    await until(run, `return document.querySelector('zhibiao-chart').shadowRoot.querySelector('[role=status]').textContent`, 'the live region');
    assert.deepEqual(await run(rings), [true, 'solid', true], 'after Home: the chart ringed, and the point the key reached');
    // Tab away (the keyed point goes), then a click on the chart's corner (no point): no ring.
    await actions([{ type: 'key', id: 'keys', actions: [{ type: 'keyDown', value: '\uE004' }, { type: 'keyUp', value: '\uE004' }] }]);
    const corner = await run(`const r = document.querySelector('zhibiao-chart').shadowRoot.querySelector('canvas[role=application]').getBoundingClientRect();
      return [Math.round(r.left + 3), Math.round(r.top + 3)];`);
    await actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', origin: 'viewport', x: corner[0], y: corner[1], duration: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }]);
    assert.deepEqual(await run(rings), [true, 'none', null], 'after Tab away and a click: focused, no ring');
  });
});

test("in Firefox, a page's own font under a name in the chart's stack, loaded after the chart is drawn, has the chart drawn again in it", async () => {
  const file = PAGE_FONT_FILE;
  assert.ok(file, 'a monospaced font to load (fonts-dejavu-core or fonts-liberation)');
  await withFirefox(async ({ run, go }) => {
    await go('/tests/e2e/fixtures/firefox.html');
    await until(run, 'return window.__ready.length === 3', 'chart-ready from all three charts');
    const picture = "window.__shown(document.getElementById('5g')).context.canvas.toDataURL()";
    await run(`window.__before = ${picture}`);
    // Draws from now on (WebDriver classic has no init scripts; the charts are drawn already).
    await run(`(${COUNT_DRAWS})();`);
    // The page's @font-face, as many Chinese stylesheets spell the name (CSS matches it to the
    // stack's "Microsoft YaHei" in any case): the buttons' text, set in the stack, loads it.
    await run(`const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
      const style = document.createElement('style');
      style.textContent = '@font-face { font-family: "Microsoft Yahei"; src: url(' + URL.createObjectURL(new Blob([bytes], { type: 'font/ttf' })) + '); }';
      document.head.append(style);`, readFileSync(file).toString('base64'));
    await until(run, "return [...document.fonts].some((f) => f.family.replace(/\"/g, '') === 'Microsoft Yahei' && f.status === 'loaded')", 'the font loaded');
    await until(run, 'return window.__draws > 0', 'the charts drawn again');
    await until(run, `return ${picture} !== window.__before`, 'the English 5G chart drawn in the font');
    assert.deepEqual(await run('return window.__errors'), []);
  });
});
