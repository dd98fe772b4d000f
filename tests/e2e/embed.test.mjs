// Embedding: strict CSP, failures to load, the iframe embed, one self-contained file, no-JS
// fallback, untrusted input, export, accessibility (axe-core). Needs `make build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, dirname, join } from 'node:path';
import ts from 'typescript';
import { serve } from './server.mjs';
import { OWNED_EXPORT, token } from '../../scripts/short-names.mjs';
import { exportedFunctionIndices, leb, nameBytes } from '../../scripts/wasm-binary.mjs';
import { CACHE_ENTRIES, plan, spreadExports } from '../../scripts/spread-exports.mjs';
import { clearClipboard, clipboardHolds, COUNT_DRAWS, failOnHover, FIRST_BAR, launch, markedValue, MARKERS_SHOWN, PAGE_FONT_FILE, RECORD_READY, scrollCanvasTo, SHOWN, shownCard, tipShows } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// With Trusted Types enforced and no policy allowed: the widget writes no HTML, only nodes and text.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types 'none'";
const XSS = '<img src=x onerror="window.__xss=1">';
let browser;
const servers = [];

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function server(root, options) {
  const s = await serve(root, options);
  servers.push(s);
  return s;
}

/** A fresh context and page that records chart-ready, CSP violations, errors and console errors. */
async function page(options = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, deviceScaleFactor: 2, ...options });
  const p = await context.newPage();
  const log = { pageErrors: [], consoleErrors: [] };
  p.on('pageerror', (e) => log.pageErrors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  await p.addInitScript(RECORD_READY);
  await p.addInitScript(SHOWN);
  await p.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page: p, log };
}

const ready = (p, chart) => p.waitForFunction((c) => window.__ready.includes(c), chart, { timeout: 15000 });

test('works under a strict Content-Security-Policy, Trusted Types enforced, with no violation', async () => {
  const s = await server(DIST, { headers: { 'content-security-policy': CSP } });
  const { context, page: p, log } = await page({ acceptDownloads: true });
  await p.goto(`${s.url}/index.html`);
  await ready(p, 'growth');
  for (const chart of ['5g', 'nev']) {
    await p.click(`#tab-${chart}`);
    await ready(p, chart);
  }
  const chart = p.locator('#panel-nev zhibiao-chart');
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await p.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await chart.getByRole('button', { name: '表格' }).click();
  // Downloads go through blob: URLs, which no directive above governs.
  for (const name of ['下载 PNG', '下载 CSV']) {
    const [file] = await Promise.all([p.waitForEvent('download'), chart.getByRole('button', { name }).click()]);
    assert.ok(readFileSync(await file.path()).length > 1000, name);
  }
  // Read before the next page's init script starts the list afresh.
  assert.deepEqual(await p.evaluate(() => window.__violations), [], 'index.html');
  await p.goto(`${s.url}/embed.html?chart=5g&lang=en`);
  await ready(p, '5g');
  assert.deepEqual(await p.evaluate(() => window.__violations), [], 'embed.html');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

for (const [name, options, reason, english = reason] of [
  ['the wasm is missing (404)', { missing: (path) => path.endsWith('.wasm') }, 'zhibiao_bg.wasm: HTTP 404'],
  // What to change, not the browser's wording (which the console has), in the chart's language.
  ['the CSP blocks WebAssembly', { headers: { 'content-security-policy': CSP.replace(" 'wasm-unsafe-eval'", '') } },
    "zhibiao_bg.wasm：页面的内容安全策略（Content-Security-Policy）须在 script-src 中加入 'wasm-unsafe-eval'",
    "zhibiao_bg.wasm: the page's Content-Security-Policy needs 'wasm-unsafe-eval' in script-src"],
  ['the wasm is damaged', { cut: (path) => path.endsWith('.wasm') }, 'zhibiao_bg.wasm 已损坏，或不是本浏览器能运行的 WebAssembly',
    'zhibiao_bg.wasm: damaged, or not WebAssembly this browser can run'],
  // One build's glue with another's wasm (a cache kept one of them): the wasm names an import
  // the glue does not have (here the first of the shortened names, renamed).
  ['the glue and the wasm are from different builds', { edit: (path, body) => {
    if (!path.endsWith('pkg/zhibiao.js')) return body;
    const glue = body.toString();
    assert.ok(glue.includes('a0:'), 'the glue supplies the import a0');
    return Buffer.from(glue.replace('a0:', 'other0:'));
  } }, 'pkg/zhibiao.js 与 zhibiao_bg.wasm 出自不同的构建（缓存可能留有旧文件）；每次构建请放在各自的路径下',
  'pkg/zhibiao.js and zhibiao_bg.wasm are from different builds (a cache may hold an old one); serve each build under a path of its own'],
  // Tor Browser's safer mode, iOS Lockdown Mode: no CompileError to compare with either.
  ['the browser runs no WebAssembly', { init: () => { delete window.WebAssembly; } }, 'WebAssembly is not defined'],
]) {
  test(`when ${name}, every chart says so and shows its data table`, async () => {
    const s = await server(DIST, options);
    const { context, page: p, log } = await page();
    if (options.init) await p.addInitScript(options.init);
    await p.goto(`${s.url}/index.html`);
    const chart = p.locator('#panel-growth zhibiao-chart');
    await chart.locator('.message').waitFor();
    assert.equal(await chart.locator('.message').textContent(), `图表无法加载（${reason}）。以下是图表的数据。`);
    assert.equal(await chart.locator('tr').count(), 1 + 2 + 9, 'a header, the two panels\' headings and the nine points');
    assert.deepEqual(await chart.locator('th[scope=rowgroup]').allTextContents(), ['各项指标', '规模以上工业增加值增速：与前期比较']);
    // The charts in the hidden tabs too (their text, as they are not shown).
    for (const [id, points] of [['5g', 8], ['nev', 3]]) {
      const other = p.locator(`#panel-${id} zhibiao-chart`);
      await other.locator('.message').waitFor({ state: 'attached' });
      assert.match(await other.locator('.message').textContent(), /^图表无法加载（.+）。以下是图表的数据。$/, id);
      assert.ok(await other.locator('tbody th[scope=row]').count() >= points, `${id}: its points in the table`);
    }
    // An English chart says it in English.
    await p.goto(`${s.url}/embed.html?chart=nev&lang=en`);
    await p.locator('zhibiao-chart .message').waitFor();
    assert.equal(await p.locator('zhibiao-chart .message').textContent(), `The chart could not be loaded (${english}). Here are its data.`);
    assert.deepEqual(log.pageErrors, [], 'no uncaught exception');
    await context.close();
  });
}

/** The oldest browsers the README names (Safari 15.1 to 16.3, Firefox 89 to 100), as far as
 * Chromium can be made to lack what they lack and the widget uses: constructed stylesheets (and
 * `adoptedStyleSheets`) and `OffscreenCanvas`; `Object.hasOwn` (Safari before 15.4, Firefox
 * before 92) and `visualViewport` (Firefox before 91). */
const OLDEST = () => {
  delete Object.hasOwn;
  delete window.visualViewport;
  const { prototype } = CSSStyleSheet;
  window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };
  window.CSSStyleSheet.prototype = prototype;
  delete ShadowRoot.prototype.adoptedStyleSheets;
  delete Document.prototype.adoptedStyleSheets;
  delete window.OffscreenCanvas;
};

test('in the oldest browsers the README names (emulated: no constructed stylesheets, OffscreenCanvas, Object.hasOwn or visualViewport), the iframe embed draws a styled chart that answers hover and keys, and without the wasm its table is styled', async () => {
  const s = await server(DIST);
  const { context, page: p, log } = await page();
  await p.addInitScript(OLDEST);
  await p.goto(`${s.url}/embed.html?chart=growth`);
  await ready(p, 'growth');
  const chart = p.locator('zhibiao-chart');
  // The stylesheet applies: rounded buttons, the description out of sight; the 2D canvas shows itself.
  assert.equal(await chart.locator('.toolbar button').first().evaluate((b) => getComputedStyle(b).borderTopLeftRadius), '6px');
  assert.equal(await chart.locator('#desc').evaluate((d) => d.getBoundingClientRect().height), 1);
  assert.equal(await chart.evaluate((el) => window.__corner(el)), 'ffffff');
  // The drawn canvas is the one shown: no view over it, and it is not made transparent for one.
  assert.deepEqual(await chart.evaluate((el) => [!!el.shadowRoot.querySelector('canvas.view:not([hidden])'), getComputedStyle(el.shadowRoot.querySelector('canvas[role=application]')).opacity]), [false, '1']);
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await p.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(p, chart, '44.1%');
  // A card, placed over the chart.
  assert.equal(await chart.locator('.tip.shown').evaluate((t) => getComputedStyle(t).position), 'absolute');
  // Keys: the next point's card (which the page scrolls to, where needed, as the keys reach it).
  await chart.locator('canvas[role=application]').focus();
  await p.keyboard.press('ArrowDown');
  await tipShows(p, chart, '42.4%');
  assert.deepEqual([log.pageErrors, log.consoleErrors], [[], []]);
  // Without the wasm: the fallback's table, styled as the widget's.
  const missing = await server(DIST, { missing: (path) => path.endsWith('.wasm') });
  await p.goto(`${missing.url}/embed.html?chart=growth`);
  await chart.locator('.message').waitFor();
  assert.equal(await chart.locator('.message').evaluate((m) => getComputedStyle(m).borderTopWidth), '2px');
  assert.equal(await chart.locator('tbody th[scope=row]').count(), 9);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("in the oldest browsers the README names (emulated as above), a strict CSP's style-src blocks the chart's own <style>: the chart is drawn, unstyled, and says nothing but the browser's refusal", async () => {
  const s = await server(DIST, { headers: { 'content-security-policy': CSP } });
  const { context, page: p, log } = await page();
  await p.addInitScript(OLDEST);
  await p.goto(`${s.url}/embed.html?chart=growth`);
  await ready(p, 'growth');
  const chart = p.locator('zhibiao-chart');
  assert.ok(await chart.locator('canvas[role=application]').evaluate((c) => c.width > 0 && c.height > 0), 'drawn');
  assert.equal(await chart.locator('.toolbar button').first().evaluate((b) => getComputedStyle(b).borderTopLeftRadius), '0px', 'unstyled');
  assert.ok(await chart.evaluate((el) => el.shadowRoot.querySelector('style') !== null), 'the chart carries its <style>');
  const violations = await p.evaluate(() => window.__violations);
  assert.ok(violations.length > 0 && violations.every((v) => v.startsWith('style-src')), violations.join('; '));
  assert.deepEqual(log.pageErrors, []);
  assert.ok(log.consoleErrors.every((e) => /Content Security Policy/.test(e)), log.consoleErrors.join('; '));
  await context.close();
});

test('on a page whose scripts replace the global Window, as MooTools does, before the chart or after it is drawn, the chart draws and answers hover and its toolbar', async () => {
  const s = await server(ROOT);
  for (const when of ['before', 'after']) {
    const { context, page: p, log } = await page();
    // MooTools: `this.Window = new Type('Window', function(){})`, a constructor no window is an instance of.
    const moo = 'window.Window = function Window() {};';
    if (when === 'before') await p.addInitScript(moo);
    await openArticle(p, s, 'body { width: 800px }', '<h1>标题</h1><zhibiao-chart chart="growth"></zhibiao-chart>');
    await ready(p, 'growth');
    if (when === 'after') await p.evaluate(moo);
    const chart = p.locator('zhibiao-chart');
    const bar = await chart.evaluate(FIRST_BAR);
    const box = await chart.locator('canvas[role=application]').boundingBox();
    await p.mouse.move(box.x + bar.x, box.y + bar.y);
    await tipShows(p, chart, '44.1%');
    await chart.locator('.toolbar button[aria-pressed]').click();
    await chart.locator('caption').waitFor();
    assert.deepEqual([log.pageErrors, log.consoleErrors], [[], []], when);
    await context.close();
  }
});

test('in quirks mode (a page without a doctype, as many older news sites are), the data table is set as in standards mode', async () => {
  const s = await server(ROOT);
  const lines = [];
  for (const doctype of ['<!doctype html>', '']) {
    const { context, page: p, log } = await page();
    await p.route('**/quirks.html', (route) => route.fulfill({ contentType: 'text/html', body:
      `${doctype}<html lang="zh"><meta charset="utf-8"><title>quirks</title><link rel="icon" href="data:,">` +
      `<body style="font-size: 12px"><table width="820"><tr><td><zhibiao-chart chart="nev"></zhibiao-chart></td></tr></table><script type="module" src="${s.url}/dist/zhibiao.js"></script>` }));
    await p.goto(`${s.url}/quirks.html`);
    await ready(p, 'nev');
    assert.equal(await p.evaluate(() => document.compatMode), doctype ? 'CSS1Compat' : 'BackCompat');
    const chart = p.locator('zhibiao-chart');
    await chart.locator('.toolbar button[aria-pressed]').click();
    lines.push(await chart.locator('td').first().evaluate((td) => {
      const { lineHeight, color } = getComputedStyle(td);
      return { lineHeight, color, height: td.closest('table').getBoundingClientRect().height };
    }));
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
  assert.deepEqual(lines[1], lines[0]);
});

/** The CSS block the README gives after `marker`, for a test to run as written. */
function readmeCss(marker) {
  return readFileSync(join(ROOT, 'README.md'), 'utf8').split(marker)[1]?.match(/```css\n([^`]+)```/)?.[1];
}

/** An article page on `s` with `style` in its head and zhibiao's script embed, opened in `p`. */
async function openArticle(p, s, style, body) {
  const name = `article-${servers.indexOf(s)}.html`;
  await p.route(`**/${name}`, (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,">' +
    `<style>${style}</style><script type="module" src="${s.url}/dist/zhibiao.js"></script>${body}` }));
  await p.goto(`${s.url}/${name}`);
}

test("the README's min-height rule keeps a chart's place before the script has drawn it, and the drawn chart in it", async () => {
  const rule = readmeCss('To keep\nit in place');
  assert.ok(rule?.includes('min-height: 535px'), 'the README gives the rule');
  const style = `body { width: 800px; margin: 0 } ${rule}`;
  // In any case, as the element reads it.
  const body = '<p>正文。</p><zhibiao-chart chart="5G"></zhibiao-chart><p id="after">正文继续。</p>';
  const heights = (p) => p.evaluate(() => [document.querySelector('zhibiao-chart').getBoundingClientRect().height, document.getElementById('after').getBoundingClientRect().top]);
  // Not yet defined (here never: the entry is missing): the place is kept all the same.
  const s = await server(ROOT, { missing: (path) => path.endsWith('/zhibiao.js') });
  const { context, page: p } = await page();
  await openArticle(p, s, style, body);
  const [before, afterTop] = await heights(p);
  assert.equal(before, 535);
  // Drawn: the chart fills it, and the text after it has not moved by more than the README's
  // measurement is off (the table is rounded to the pixel; fonts differ by machine).
  await openArticle(p, await server(ROOT), style, body);
  await ready(p, '5g');
  const [drawn, afterDrawn] = await heights(p);
  assert.ok(drawn >= 535 && afterDrawn - afterTop <= 8, `drawn ${drawn} px high, the text after it moved ${afterDrawn - afterTop} px`);
  // In a container the page shows later (an accordion that measures its height in the task that
  // opens it, to animate to it), the rule's height is there before the chart is drawn.
  await openArticle(p, await server(ROOT), style, '<div id="panel" hidden><zhibiao-chart chart="5g"></zhibiao-chart></div>');
  await p.waitForFunction(() => customElements.get('zhibiao-chart'));
  const measured = await p.evaluate(() => {
    const panel = document.getElementById('panel');
    panel.hidden = false;
    return panel.scrollHeight;
  });
  assert.ok(measured >= 535, `the accordion measured ${measured} px`);
  await context.close();
});

test("the README's table of drawn heights is what each chart draws in a column of its widths, in each language", async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('Drawn heights')[1] ?? '';
  const [, narrow, wide] = readme.match(/\| chart \| (\d+) px column, zh \/ en \| (\d+) px column, zh \/ en \|/) ?? [];
  assert.ok(narrow && wide, 'the README gives the table');
  const expected = [];
  for (const [, chart, ...cells] of readme.matchAll(/^\| `(\w+)` \| (\d+) \/ (\d+) px \| (\d+) \/ (\d+) px \|$/gm)) {
    expected.push([chart, 'zh', +narrow, +cells[0]], [chart, 'en', +narrow, +cells[1]], [chart, 'zh', +wide, +cells[2]], [chart, 'en', +wide, +cells[3]]);
  }
  assert.equal(expected.length, 12, 'three charts, two languages, two widths');
  const [, phone, phoneHeight] = readme.match(/a (\d+) px phone column: the Chinese growth chart (\d+) px/) ?? [];
  assert.ok(phone, 'the README gives a phone column');
  expected.push(['growth', 'zh', +phone, +phoneHeight]);
  const s = await server(ROOT);
  // Tall enough to show every chart: one out of view is drawn when it comes near.
  const { context, page: p } = await page({ viewport: { width: 900, height: 5000 } });
  const wrong = [];
  for (const width of new Set(expected.map(([, , w]) => w))) {
    const charts = expected.filter(([, , w]) => w === width);
    const body = charts.map(([chart, lang]) => `<zhibiao-chart chart="${chart}" lang="${lang}"></zhibiao-chart>`).join('');
    await openArticle(p, s, `body { width: ${width}px; margin: 0 } zhibiao-chart { display: block }`, body);
    await p.waitForFunction((n) => window.__ready.length === n, charts.length, { timeout: 15000 });
    const drawn = await p.locator('zhibiao-chart').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)));
    // To the pixel on this machine's fonts; a couple of pixels of leeway for rounding.
    charts.forEach(([chart, lang, , said], i) => Math.abs(drawn[i] - said) > 2 && wrong.push(`${chart} ${lang} in a ${width} px column: drawn ${drawn[i]} px, the README says ${said}`));
  }
  assert.deepEqual(wrong, []);
  await context.close();
});

test("when zhibiao.js itself cannot load, the README's rule for a page's stylesheet says so in the chart's box and language, after its delay, and never once the chart is there", async () => {
  const rule = readmeCss('**When `zhibiao.js` itself cannot load**');
  assert.ok(rule?.includes(':not(:defined)::before'), 'the README gives the rule');
  const body = '<p>正文。</p><zhibiao-chart chart="nev"></zhibiao-chart><p lang="en">Text. <zhibiao-chart chart="nev"></zhibiao-chart></p>';
  const before = (p) => p.locator('zhibiao-chart').evaluateAll((els) => els.map((el) => {
    const style = getComputedStyle(el, '::before');
    return [style.content, style.visibility];
  }));
  // Blocked (here a 404; a missing CORS header or a CSP ends the same way): hidden at first, then said.
  const s = await server(ROOT, { missing: (path) => path.endsWith('/zhibiao.js') });
  const { context, page: p } = await page();
  await openArticle(p, s, rule, body);
  assert.deepEqual(await before(p), [['"图表未能加载。"', 'hidden'], ['"The chart could not be loaded."', 'hidden']], 'not during the first seconds');
  await p.waitForFunction(() => getComputedStyle(document.querySelector('zhibiao-chart'), '::before').visibility === 'visible', null, { timeout: 15000 });
  assert.deepEqual(await before(p), [['"图表未能加载。"', 'visible'], ['"The chart could not be loaded."', 'visible']]);
  // A site's reset that turns animations off for every element leaves this one alone (were it
  // undone, the message would stay hidden, not show during every load).
  await p.addStyleTag({ content: '*, *::before { animation: none !important; }' });
  assert.deepEqual((await before(p)).map(([, visibility]) => visibility), ['visible', 'visible'], 'the rule\'s !important wins over an author reset');
  // Loaded: the chart, and no message, then or later.
  await openArticle(p, await server(ROOT), rule, body);
  await ready(p, 'nev');
  assert.deepEqual((await before(p)).map(([content]) => content), ['none', 'none']);
  await context.close();
});

test('without the wasm, a chart reads its attributes as the widget does: chart="5G", lang from an ancestor through a shadow root, also in place of one it does not speak', async () => {
  const s = await server(ROOT, { missing: (path) => path.endsWith('.wasm') });
  const { context, page: p, log } = await page();
  await p.route('**/nowasm.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>no wasm</title><link rel="icon" href="data:,">' +
    '<article lang="en-GB"><div id="card"></div></article><script type="module" src="/dist/zhibiao.js"></script>' }));
  await p.goto(`${s.url}/tests/e2e/fixtures/nowasm.html`);
  await p.evaluate(() => {
    document.getElementById('card').attachShadow({ mode: 'open' }).innerHTML = '<zhibiao-chart chart=" 5G " lang=""></zhibiao-chart>';
  });
  const chart = p.locator('#card zhibiao-chart');
  await chart.locator('.message').waitFor();
  assert.match(await chart.locator('.message').textContent(), /^The chart could not be loaded \(.+\)\. Here are its data\.$/);
  assert.equal(await chart.locator('caption').textContent(), '5G and network development in China at the end of June\u00a02023 (data table)');
  assert.deepEqual(await chart.locator('th[scope=rowgroup]').allTextContents(), ['5G base stations', 'Subscribers and connections', 'Traffic, reported 19\u00a0July\u00a02023', 'Gigabit networks, 5G applications and devices']);
  // A lang of its own it does not speak: the language around it, as the widget's message has it.
  await p.evaluate(() => {
    document.getElementById('card').shadowRoot.innerHTML = '<zhibiao-chart chart="nev" lang="fr"></zhibiao-chart>';
  });
  await chart.locator('caption').filter({ hasText: 'NEV' }).waitFor();
  assert.equal(await chart.getAttribute('lang'), 'fr');
  // No chart named at all: said to be missing, as the widget says it.
  await p.evaluate(() => {
    document.getElementById('card').shadowRoot.innerHTML = '<zhibiao-chart lang="en"></zhibiao-chart>';
  });
  assert.match(await chart.locator('.message').filter({ hasText: 'missing' }).textContent(), /\. Attribute chart is missing; allowed values are growth, 5g, nev\.$/);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('without the wasm, a chart the page gave a closed shadow root goes without a message alone; without its fallback module too, every other chart still says so', async () => {
  const { context, page: p, log } = await page();
  // The closed chart first: the charts after it are the ones a fault there would leave empty.
  const html = '<!doctype html><html lang="zh"><meta charset="utf-8"><title>no wasm</title><link rel="icon" href="data:,">' +
    '<div id="stage"></div><script>const c = document.createElement("zhibiao-chart"); c.attachShadow({ mode: "closed" });' +
    ' c.setAttribute("chart", "nev"); document.getElementById("stage").append(c);</script>' +
    '<zhibiao-chart chart="growth"></zhibiao-chart><zhibiao-chart chart="5g" lang="en"></zhibiao-chart>' +
    '<script type="module" src="/dist/zhibiao.js"></script>';
  await p.route('**/closed.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const messages = () => p.evaluate(() => [...document.querySelectorAll('body > zhibiao-chart')].map((el) => el.shadowRoot?.textContent ?? null));
  let s = await server(ROOT, { missing: (path) => path.endsWith('.wasm') });
  await p.goto(`${s.url}/tests/e2e/fixtures/closed.html`);
  await p.locator('body > zhibiao-chart[chart="5g"] .message').waitFor();
  const [growth, fiveG] = await messages();
  assert.match(growth, /^图表无法加载（zhibiao_bg.wasm: HTTP 404）。以下是图表的数据。/);
  assert.match(fiveG, /^The chart could not be loaded \(zhibiao_bg.wasm: HTTP 404\)\. Here are its data\./);
  assert.deepEqual(log.pageErrors, [], 'the closed chart throws nothing');
  // Neither the wasm nor the fallback module (offline, or a copy of dist/ without the file).
  s = await server(ROOT, { missing: (path) => path.endsWith('.wasm') || path.endsWith('/zhibiao-fallback.js') });
  await p.goto(`${s.url}/tests/e2e/fixtures/closed.html`);
  await p.waitForFunction(() => document.querySelector('body > zhibiao-chart[chart="5g"]').shadowRoot?.textContent);
  assert.deepEqual(await messages(), Array(2).fill('图表无法加载。The chart could not be loaded (zhibiao_bg.wasm: HTTP 404; zhibiao-fallback.js).'));
  assert.ok(await p.evaluate(() => document.querySelector('body > zhibiao-chart').offsetHeight > 0), 'not an empty box');
  assert.deepEqual(log.pageErrors, [], 'no uncaught exception');
  await context.close();
});

test('a wasm served with the wrong MIME type still draws', async () => {
  const s = await server(DIST, { types: { '.wasm': 'text/plain' } });
  const { context, page: p, log } = await page();
  await p.goto(`${s.url}/index.html`);
  await ready(p, 'growth');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('charts added before the script, after it, and later by another script all draw', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  await p.goto(`${s.url}/tests/e2e/fixtures/late.html`);
  for (const chart of ['growth', 'nev', '5g']) await ready(p, chart);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('in a flex row, a grid track and a table cell, a chart follows its container down and redraws at its width', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page({ viewport: { width: 1200, height: 900 } });
  await p.goto(`${s.url}/tests/e2e/fixtures/layouts.html`);
  for (const chart of ['growth', 'nev', '5g']) await ready(p, chart);
  await p.setViewportSize({ width: 500, height: 900 });
  // Each chart inside its container, shown at a backing width drawn for that width (not squeezed).
  const fits = () => [...document.querySelectorAll('zhibiao-chart')].map((el) => {
    const box = el.shadowRoot.querySelector('canvas[role=application]').getBoundingClientRect();
    const view = el.shadowRoot.querySelector('canvas.view');
    return box.right <= el.parentElement.getBoundingClientRect().right + 0.5 && view.width === Math.round(box.width * devicePixelRatio);
  });
  await p.waitForFunction((f) => eval(f)().every(Boolean), `(${fits})`, { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await p.evaluate((f) => eval(f)(), `(${fits})`), [true, true, true], 'flex, grid, table');
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= 500), 'nothing runs off the page');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a page that makes the element itself a flex or grid container still gets the chart stacked at its width', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page({ viewport: { width: 900, height: 900 } });
  await p.route('**/host-display.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>host display</title><link rel="icon" href="data:,">' +
    // Rules a CMS may have for unknown elements; they beat the widget's :host rule.
    '<style>body { margin: 0 } div { width: 800px } #f zhibiao-chart { display: flex } #g zhibiao-chart { display: grid }</style>' +
    '<div id="f"><zhibiao-chart chart="growth"></zhibiao-chart></div><div id="g"><zhibiao-chart chart="nev" lang="en"></zhibiao-chart></div>' +
    '<script type="module" src="/dist/zhibiao.js"></script>' }));
  await p.goto(`${s.url}/tests/e2e/fixtures/host-display.html`);
  await ready(p, 'growth');
  await ready(p, 'nev');
  const boxes = await p.evaluate(() => [...document.querySelectorAll('zhibiao-chart')].map((el) => {
    const root = el.shadowRoot;
    const plot = root.querySelector('.plot').getBoundingClientRect();
    const toolbar = root.querySelector('.toolbar').getBoundingClientRect();
    return { display: getComputedStyle(el).display, plot: plot.width, toolbarBelow: toolbar.top >= plot.bottom - 0.5, toolbarLeft: toolbar.left - plot.left };
  }));
  for (const [i, display] of ['flex', 'grid'].entries()) {
    assert.equal(boxes[i].display, display);
    assert.equal(boxes[i].plot, 800, `display: ${display}: the plot is as wide as the element`);
    assert.ok(boxes[i].toolbarBelow && boxes[i].toolbarLeft < 50, `display: ${display}: the toolbar below the plot: ${JSON.stringify(boxes[i])}`);
  }
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('on a right-to-left page, the chart is still laid out left to right', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page({ viewport: { width: 700, height: 700 } });
  await p.route('**/rtl.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html dir="rtl" lang="ar"><meta charset="utf-8"><title>rtl</title><link rel="icon" href="data:,">' +
    // A page rule that reaches the element itself, which beats the widget's :host rule.
    '<style>* { direction: rtl; }</style>' +
    '<div style="width: 600px"><zhibiao-chart chart="nev" lang="en"></zhibiao-chart></div><script type="module" src="/dist/zhibiao.js"></script>' }));
  await p.goto(`${s.url}/tests/e2e/fixtures/rtl.html`);
  await ready(p, 'nev');
  // The title starts at the left padding: ink in its first 100 px (read from a copy of what the
  // chart shows), and the canvas's own direction is ltr.
  // Once the view has taken over from the drawn canvas (it is hidden until then, and blank).
  await p.waitForFunction(() => document.querySelector('zhibiao-chart').shadowRoot.querySelector('canvas.view:not([hidden])')?.width > 0);
  const [ink, direction] = await p.evaluate(() => {
    const root = document.querySelector('zhibiao-chart').shadowRoot;
    const [canvas, view] = [root.querySelector('canvas[role=application]'), root.querySelector('canvas.view')];
    const copy = Object.assign(document.createElement('canvas'), { width: view.width, height: view.height });
    const ctx = copy.getContext('2d');
    ctx.drawImage(view, 0, 0);
    const dpr = devicePixelRatio;
    const { data } = ctx.getImageData(16 * dpr, 16 * dpr, 100 * dpr, 20 * dpr);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 100) dark += 1;
    return [dark, getComputedStyle(canvas).direction];
  });
  assert.equal(direction, 'ltr');
  assert.ok(ink > 50, `the title is drawn from the left (${ink} dark pixels)`);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("a site's sticky header with a z-index of its own stays over the chart's cards as the chart scrolls under it, as over the article's text", async () => {
  const s = await server(ROOT);
  const { context, page: p } = await page({ viewport: { width: 800, height: 700 } });
  await openArticle(p, s, 'body { margin: 0 } header { position: sticky; top: 0; height: 60px; background: #222; z-index: 1 } p { height: 400px; margin: 0 }',
    '<header>站点</header><p>正文。</p><zhibiao-chart chart="nev" lang="en"></zhibiao-chart><p>正文继续。</p><p></p>');
  await ready(p, 'nev');
  await p.locator('zhibiao-chart canvas[role=application]').focus();
  await p.keyboard.press('Home');
  // The keys' card stays as the page scrolls; its top 30 px under the window's, behind the header.
  const card = () => p.evaluate(() => document.querySelector('zhibiao-chart').shadowRoot.querySelector('.tip.shown').getBoundingClientRect().toJSON());
  await p.evaluate((top) => scrollBy(0, top - 30), (await card()).top);
  const { top, left } = await card();
  const background = await p.evaluate(() => getComputedStyle(document.querySelector('zhibiao-chart').shadowRoot.querySelector('.tip.shown')).backgroundColor);
  assert.ok(Math.abs(top - 30) < 1, `the card's top at ${top} px`);
  // What the screen shows (hit testing passes over the cards' layer), inside the card's padding.
  const shown = async (x, y) => p.evaluate(async (png) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, (await p.screenshot({ clip: { x, y, width: 1, height: 1 } })).toString('base64'));
  assert.deepEqual(await shown(left + 3, 45), [0x22, 0x22, 0x22], 'the header, over the card');
  assert.equal(`rgb(${(await shown(left + 3, 75)).join(', ')})`, background, 'the card, below the header');
  await context.close();
});

/** An article with an English growth chart (#first) and `faces`, @font-face rules of fonts under
 * names in the chart's stack (their files, /page-font*.ttf, held until `release`), drawn in the
 * fonts standing in for them. Counts the canvases' `setTransform` calls (each draw makes one). */
async function fontArticle(faces) {
  const file = PAGE_FONT_FILE;
  assert.ok(file, 'a monospaced font to load (fonts-dejavu-core or fonts-liberation)');
  const s = await server(ROOT);
  const { context, page: p, log } = await page({ viewport: { width: 800, height: 900 } });
  await p.addInitScript(COUNT_DRAWS);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route('**/page-font*.ttf', async (route) => { await held; await route.fulfill({ path: file, contentType: 'font/ttf' }); });
  await p.route('**/font-article.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,">' +
    `<style>${faces} body { margin: 0; width: 700px }</style>` +
    `<script type="module" src="${s.url}/dist/zhibiao.js"></script><zhibiao-chart id="first" chart="growth" lang="en"></zhibiao-chart>` }));
  // (The page's load waits for the fonts.)
  await p.goto(`${s.url}/font-article.html`, { waitUntil: 'domcontentloaded' });
  await ready(p, 'growth');
  return { context, p, log, release };
}

test("a page's own font under a name in the chart's stack (in any case), loaded after the chart is drawn: the chart is measured and drawn again in it, as one drawn after it", async () => {
  // As many Chinese stylesheets spell it; CSS matches it to the stack's "Microsoft YaHei".
  const { context, p, log, release } = await fontArticle('@font-face { font-family: "Microsoft Yahei"; src: url(/page-font.ttf); }');
  const picture = (id) => p.evaluate((i) => window.__shown(document.getElementById(i)).context.canvas.toDataURL(), id);
  const before = await picture('first');
  release();
  await p.waitForFunction(() => document.fonts.status === 'loaded' && [...document.fonts].some((f) => f.status === 'loaded'));
  // A second chart, drawn with the font there.
  await p.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<zhibiao-chart id="second" chart="growth" lang="en"></zhibiao-chart>'));
  await p.waitForFunction(() => window.__ready.length === 2);
  const after = await picture('second');
  assert.notEqual(after, before, 'the font changes the drawing');
  await p.waitForFunction((a) => window.__shown(document.getElementById('first')).context.canvas.toDataURL() === a, after, { timeout: 5000 });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("a part of such a font (its unicode-range) that loads as a card's quote is shown, as a page's self-hosted CJK font would, draws the chart again and keeps the card the mouse shows", async () => {
  const { context, p, log, release } = await fontArticle('@font-face { font-family: "PingFang SC"; src: url(/page-font-cjk.ttf); unicode-range: U+3000-303F, U+4E00-9FFF, U+FF00-FFEF; }');
  const bar = await p.locator('#first').evaluate(FIRST_BAR);
  const box = await p.locator('#first canvas[role=application]').boundingBox();
  await p.mouse.move(box.x + bar.x, box.y + bar.y);
  const value = () => p.evaluate(() => document.getElementById('first').shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null);
  const hovered = await value();
  assert.ok(hovered, 'a card');
  const draws = await p.evaluate(() => window.__draws);
  release();
  await p.waitForFunction(() => [...document.fonts].every((f) => f.status === 'loaded'));
  // Drawn again (the English canvas has no character of the part: the same layout).
  await p.waitForFunction((n) => window.__draws > n, draws, { timeout: 5000 });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await value(), hovered, 'the card the mouse shows stays');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a second copy of zhibiao from another URL leaves the charts to the first, and says so', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // /v2/ serves the same files, as a second desk's snippet pointing at another copy would.
  await p.route('**/v2/**', (route) => route.fulfill({ path: join(DIST, new URL(route.request().url()).pathname.slice('/v2/'.length)) }));
  await p.route('**/two.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>two copies</title><link rel="icon" href="data:,">' +
    '<zhibiao-chart chart="nev"></zhibiao-chart><script type="module" src="/dist/zhibiao.js"></script>' +
    '<script type="module" src="/v2/zhibiao.js"></script>' }));
  await p.goto(`${s.url}/tests/e2e/fixtures/two.html`);
  await ready(p, 'nev');
  await p.waitForFunction(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/v2/') && r.name.endsWith('.wasm')).length > 0);
  await p.waitForTimeout(500);
  assert.deepEqual(await p.evaluate(() => window.__ready), ['nev'], 'mounted once');
  await p.evaluate(() => document.querySelector('zhibiao-chart').setAttribute('chart', '5g'));
  await ready(p, '5g');
  assert.equal(await p.locator('zhibiao-chart canvas[role=application]').getAttribute('aria-label'), '5G与网络发展（截至2023年6月底）');
  assert.ok(warnings.some((w) => w.includes('already defined, by another copy of zhibiao')), warnings.join('\n'));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a chart with content inside it, as after <zhibiao-chart /> what follows is, says in the console that it shows none, and asks about the end tag', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // HTML has no self-closing custom elements: the paragraph becomes the second chart's content,
  // and the shadow root shows none of it. The first chart, properly closed, and the third, with
  // only whitespace inside, are not named. The fourth, closed with content inside, is: it shows
  // none of it either, and its end tag was written, so the warning only asks.
  await p.route('**/selfclosed.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>self-closed</title><link rel="icon" href="data:,">' +
    '<script type="module" src="/dist/zhibiao.js"></script><zhibiao-chart chart="growth"></zhibiao-chart>' +
    '<zhibiao-chart chart="5g"> \n </zhibiao-chart><div><zhibiao-chart chart="nev" /><p id="after">正文继续。</p></div>' +
    '<zhibiao-chart chart="growth" lang="en">图表</zhibiao-chart>' }));
  await p.goto(`${s.url}/tests/e2e/fixtures/selfclosed.html`);
  await ready(p, 'nev');
  assert.equal(await p.evaluate(() => document.getElementById('after').parentElement.localName), 'zhibiao-chart');
  // Both warnings (said once the page has parsed), then a while for a third.
  for (let i = 0; i < 100 && warnings.filter((w) => w.includes('does not show what is inside it')).length < 2; i++) await p.waitForTimeout(50);
  await p.waitForTimeout(200);
  const named = warnings.filter((w) => w.includes('does not show what is inside it'));
  assert.equal(named.length, 2, warnings.join('\n'));
  assert.ok(named[0].includes('chart="nev"') && named[1].includes('chart="growth"'), named.join('\n'));
  for (const warning of named) assert.ok(warning.includes('Written <zhibiao-chart />? HTML does not close that: write <zhibiao-chart></zhibiao-chart>.'), warning);
  // Connected again (moved by a page's script): said once.
  await p.evaluate(() => { const el = document.querySelector('[chart=nev]'); document.body.append(el); });
  await p.waitForTimeout(200);
  assert.equal(warnings.filter((w) => w.includes('does not show what is inside it')).length, 2);
  assert.deepEqual([...log.pageErrors, ...log.consoleErrors], []);
  await context.close();
});

test('a fallback inside a chart (class zhibiao-fallback: the README\'s link for reader modes, feeds and pages without script) shows without script, is hidden once the chart is drawn and draws no warning; other content after it still does', async () => {
  const s = await server(ROOT);
  const fallback = '<p class="zhibiao-fallback"><a href="/dist/embed.html?chart=nev&amp;lang=en">Chart: NEV production and sales growth, H1 2023</a></p>';
  const body = '<!doctype html><html lang="en"><meta charset="utf-8"><title>fallback</title><link rel="icon" href="data:,">' +
    `<h1>Article</h1><p>Text.</p><zhibiao-chart chart="nev" id="one">${fallback}</zhibiao-chart>` +
    `<div><zhibiao-chart chart="growth" id="two">\n${fallback}\n<p>Swallowed.</p></zhibiao-chart></div>` +
    '<p>More text.</p><script type="module" src="/dist/zhibiao.js"></script>';
  for (const javaScriptEnabled of [false, true]) {
    const { context, page: p, log } = await page({ javaScriptEnabled });
    const warnings = [];
    p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await p.route('**/fallback.html', (route) => route.fulfill({ contentType: 'text/html', body }));
    await p.goto(`${s.url}/fallback.html`);
    const link = p.locator('#one .zhibiao-fallback a');
    if (!javaScriptEnabled) {
      assert.ok(await link.isVisible(), 'the link shows without script');
      assert.equal(await link.getAttribute('href'), '/dist/embed.html?chart=nev&lang=en');
      await context.close();
      continue;
    }
    await ready(p, 'nev');
    await ready(p, 'growth');
    assert.equal(await link.isVisible(), false, 'hidden by the drawn chart');
    // Nor reached by Tab, nor read by a screen reader, beside the chart that says it all.
    assert.equal(await link.evaluate((a) => { a.focus(); return document.activeElement === a; }), false, 'not focusable');
    const cdp = await context.newCDPSession(p);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    assert.ok(!nodes.some((n) => n.name?.value?.startsWith('Chart: NEV')), 'not in the accessibility tree');
    await p.waitForTimeout(200);
    const named = warnings.filter((w) => w.includes('does not show what is inside it'));
    assert.equal(named.length, 1, warnings.join('\n'));
    assert.ok(named[0].includes('chart="growth"'), named[0]);
    assert.deepEqual([...log.pageErrors, ...log.consoleErrors], []);
    await context.close();
  }
});

test('printed with the screen\'s styles (a PDF an archive makes), a chart shows no highlight or card placed for the screen; both come back after', async () => {
  const s = await server(DIST);
  const { context, page: p, log } = await page({ viewport: { width: 600, height: 900 } });
  await p.goto(`${s.url}/embed.html?chart=nev&lang=en#nev/nev_sales_growth`);
  await ready(p, 'nev');
  const chart = p.locator('zhibiao-chart');
  // The keys' card, and the highlight of its point.
  await chart.locator('canvas[role=application]').focus();
  await p.keyboard.press('ArrowLeft');
  await chart.locator('.tip.shown').waitFor();
  const shown = () => chart.evaluate((el) => [[...el.shadowRoot.querySelectorAll('.marker')].filter((m) => !m.hidden).length > 0, el.shadowRoot.querySelectorAll('.tip.shown').length]);
  assert.deepEqual(await shown(), [true, 1]);
  await p.emulateMedia({ media: 'screen' });
  await p.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await shown(), [false, 0], 'laid out for paper (wider than the screen here), with neither');
  await p.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await p.waitForFunction(() => [...document.querySelector('zhibiao-chart').shadowRoot.querySelectorAll('.marker')].some((m) => !m.hidden));
  assert.deepEqual(await shown(), [true, 1], 'back on screen');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('printing draws a chart never scrolled to, and fits every chart to the paper\'s width', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page({ viewport: { width: 1100, height: 700 } });
  await p.route('**/print.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>print</title><link rel="icon" href="data:,">' +
    '<div id="top"><zhibiao-chart chart="nev"></zhibiao-chart></div><div style="height: 5000px"></div>' +
    '<div id="far"><zhibiao-chart chart="growth"></zhibiao-chart></div><script type="module" src="/dist/zhibiao.js"></script>' }));
  await p.goto(`${s.url}/tests/e2e/fixtures/print.html`);
  await ready(p, 'nev');
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => window.__ready.includes('growth')), false, 'far below the viewport, the chart waits to be drawn');
  // Drawn in the beforeprint event itself: nothing else runs before the page prints. Laid out for
  // a page, 680 px, not the 1068 px it has on screen (scaled down to the paper, a desktop's layout
  // set its text small).
  const drawn = await p.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const el = document.querySelector('#far zhibiao-chart');
    // What shows it: the canvas, drawn for print (shapes on paper), not the view's bitmap.
    const { canvas } = window.__shown(el);
    const shown = { shapes: canvas.getAttribute('role') === 'application', width: canvas.width === Math.round(680 * devicePixelRatio) && el.getBoundingClientRect().width > 1000 };
    window.dispatchEvent(new Event('afterprint'));
    return shown;
  });
  assert.deepEqual(drawn, { shapes: true, width: true }, 'drawn before the page prints, as shapes, 680 px wide');
  await ready(p, 'growth');
  // A chart waiting for its next frame to redraw (its attribute just changed) is redrawn too, and
  // so is one that the page's own beforeprint handler, running after the widget's, changes; its
  // opened table with it.
  await p.locator('#top zhibiao-chart').getByRole('button', { name: /^表格/ }).click();
  const heights = await p.evaluate(() => {
    const el = document.querySelector('#top zhibiao-chart');
    const canvas = el.shadowRoot.querySelector('canvas[role=application]');
    const caption = () => el.shadowRoot.querySelector('.table caption')?.textContent ?? '';
    const nev = canvas.getBoundingClientRect().height;
    el.setAttribute('chart', '5g');
    window.dispatchEvent(new Event('beforeprint'));
    const shapes = window.__shown(el).canvas === canvas;
    window.dispatchEvent(new Event('afterprint'));
    const fiveG = canvas.getBoundingClientRect().height;
    window.addEventListener('beforeprint', () => el.setAttribute('chart', 'growth'), { once: true });
    window.dispatchEvent(new Event('beforeprint'));
    const growth = canvas.getBoundingClientRect().height;
    const table = caption();
    window.dispatchEvent(new Event('afterprint'));
    return { nev, fiveG, growth, shapes, table };
  });
  assert.ok(heights.shapes, 'the chart changed just before is printed as shapes too');
  assert.match(heights.table, /^数据表：2023年上半年主要指标同比增长/, 'and with its own table');
  assert.ok(heights.fiveG > heights.nev * 1.5, `the 5G chart is drawn (${JSON.stringify(heights)})`);
  assert.ok(heights.growth !== heights.fiveG && heights.growth > heights.nev, `then the growth chart (${JSON.stringify(heights)})`);
  await ready(p, 'growth');
  // On paper the place is narrower than the screen the chart was drawn for; measured before any
  // resize callback can redraw it: the shown canvas scales down, keeping its proportions.
  await p.emulateMedia({ media: 'print' });
  const [width, ratio, backingRatio] = await p.evaluate(() => {
    const root = document.querySelector('#top zhibiao-chart').shadowRoot;
    const view = root.querySelector('canvas.view');
    const shown = view && !view.hidden ? view : root.querySelector('canvas[role=application]');
    document.getElementById('top').style.width = '500px';
    const box = shown.getBoundingClientRect();
    return [box.width, box.height / box.width, shown.height / shown.width];
  });
  assert.equal(width, 500);
  assert.ok(Math.abs(ratio - backingRatio) < 0.01, `proportions kept: ${ratio} vs ${backingRatio}`);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the iframe embed posts its height, and only its height, to the parent', async () => {
  const s = await server(ROOT);
  const { context, page: p } = await page();
  await p.goto(`${s.url}/tests/e2e/fixtures/parent.html`);
  const frame = p.frameLocator('iframe');
  await frame.locator('zhibiao-chart canvas[role=application]').waitFor();
  await p.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 200, null, { timeout: 10000 });
  const [frameHeight, contentHeight] = await Promise.all([
    p.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height),
    frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height)),
  ]);
  assert.equal(frameHeight, contentHeight, 'the frame is exactly as tall as its content');
  assert.ok(await frame.locator('html').evaluate((el) => el.scrollHeight) <= frameHeight, 'and nothing in it scrolls');
  const messages = await p.evaluate(() => window.__messages);
  assert.ok(messages.length >= 1);
  for (const m of messages) assert.deepEqual(Object.keys(m).sort(), ['height', 'type']);
  assert.equal(await frame.locator('zhibiao-chart canvas[role=application]').getAttribute('aria-label'), 'New energy vehicle (NEV) production and sales growth, H1\u00a02023');
  await context.close();
});

test("an iframe embed on an article of another origin, scrolled partly out of the article's window, shows the card the mouse shows in the window: whole where it fits, else brief", async () => {
  const { context, page: p, log } = await page({ viewport: { width: 900, height: 700 } });
  // The frame from another origin (another port), which cannot read the article; the article
  // served, not routed (Chromium lets only a page it fetched from this machine frame one from it).
  const src = `${(await server(ROOT)).url}/dist/embed.html?chart=growth&amp;lang=en`;
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-frame-'));
  writeFileSync(join(dir, 'article.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,">' +
    `<body style="margin: 0"><div style="height: 1500px"></div><iframe src="${src}" style="display: block; width: 800px; height: 600px; border: 0"></iframe><div style="height: 1500px"></div>`);
  await p.goto(`${(await server(dir)).url}/article.html`);
  const frame = await (await p.locator('iframe').elementHandle()).contentFrame();
  const chart = frame.locator('zhibiao-chart');
  const canvas = chart.locator('canvas[role=application]');
  // (Drawn once it comes near the article's window.)
  await p.evaluate(() => scrollTo(0, 1200));
  await ready(frame, 'growth');
  const bar = await chart.evaluate(FIRST_BAR);
  // The first bar (44.1 %) 30 px below the window's top edge, then 30 px above its foot.
  for (const [edge, barAt] of [['top', 30], ['foot', 700 - 30]]) {
    await p.mouse.move(880, 350);
    await scrollCanvasTo(p, chart, barAt - bar.y);
    // The frame hears of its new place from its IntersectionObserver at its next frames.
    await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
    const box = await canvas.boundingBox();
    assert.ok(Math.abs(box.y + bar.y - barAt) < 1, `${edge}: scrolled`);
    await p.mouse.move(box.x + bar.x, box.y + bar.y);
    await tipShows(frame, chart, '44.1%');
    const frameTop = (await p.locator('iframe').boundingBox()).y;
    const card = await shownCard(chart);
    assert.ok(card.top + frameTop >= -0.5 && card.bottom + frameTop <= 700.5, `the bar near the window's ${edge}: the card ${JSON.stringify(card)}, in a frame at ${frameTop}, is in the window`);
    assert.equal(card.brief, edge === 'foot', edge === 'foot' ? 'brief: the window shows only the title and first bar' : 'whole: it has room below the bar');
  }
  assert.deepEqual(log.pageErrors, []);
  await context.close();
  rmSync(dir, { recursive: true, force: true });
});

test('in a frame sandboxed without allow-same-origin (an opaque origin, as CMSs sandbox embeds), the iframe embed draws, posts its height and downloads where its files allow any origin; where they do not, it says which file did not load', async () => {
  const host = (sandbox) => '<!doctype html><html lang="en"><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,">' +
    '<script>window.__messages = []; addEventListener("message", (e) => window.__messages.push(e.data));</script>' +
    `<iframe sandbox="${sandbox}" src="/dist/embed.html?chart=nev&lang=en" style="width: 800px; height: 300px; border: 0"></iframe>`;
  const open = async (headers) => {
    const s = await server(ROOT, { headers });
    const { context, page: p, log } = await page({ acceptDownloads: true });
    await p.route('**/sandboxed.html', (route) => route.fulfill({ contentType: 'text/html', body: host('allow-scripts allow-downloads') }));
    await p.goto(`${s.url}/tests/e2e/fixtures/sandboxed.html`);
    return { context, p, log, frame: p.frameLocator('iframe') };
  };

  // The module scripts and the wasm are CORS fetches from the frame's opaque origin: files that
  // allow any origin load (embed.js imports by absolute URL: a relative import() in a classic
  // script fetched without CORS resolved against about:blank, and the frame stayed blank).
  const allowed = await open({ 'access-control-allow-origin': '*' });
  await allowed.frame.locator('zhibiao-chart canvas[role=application]').waitFor({ timeout: 15000 });
  await allowed.p.waitForFunction(() => window.__messages.some((m) => m.type === 'zhibiao:height' && m.height > 200), null, { timeout: 10000 });
  const [png] = await Promise.all([allowed.p.waitForEvent('download'), allowed.frame.getByRole('button', { name: 'Download PNG' }).click()]);
  assert.equal(png.suggestedFilename(), 'zhibiao-china-nev-growth-2023-h1-en.png');
  assert.deepEqual(allowed.log.pageErrors, []);
  await allowed.context.close();

  const refused = await open({});
  const said = refused.frame.locator('zhibiao-chart[role=alert]');
  await said.waitFor({ timeout: 15000 });
  assert.equal(await said.textContent(), 'The chart could not be loaded (hash.js).');
  await refused.p.waitForFunction(() => window.__messages.some((m) => m.type === 'zhibiao:height'), null, { timeout: 10000 });
  await refused.context.close();
});

test("under the README's strict CSP, an iframe embed from another origin resizes as the README says: its origin in frame-src, the resize listener in a file, the frame's style in the stylesheet", async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const listener = readme.split('**iframe embed**')[1]?.match(/<script>\n([^]*?)<\/script>/)?.[1];
  const css = readme.split('- **Strict CSP**')[1]?.match(/`(iframe\.zhibiao \{[^`]+)`/)?.[1];
  assert.ok(listener && css, 'the README gives the listener and the rule');
  // The article on another origin (another port) than the widget; served, not routed: Chromium
  // lets only a page it fetched from this machine frame one from it.
  const widget = await server(ROOT);
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-csp-'));
  const { context, page: p } = await page();
  const files = {
    'csp-article.html': `<!doctype html><html lang="en"><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${CSP}; frame-src ${widget.url}">
<link rel="stylesheet" href="csp-article.css"><script src="csp-resize.js"></script>
<p>Text.</p><iframe class="zhibiao" src="${widget.url}/dist/embed.html?chart=nev&amp;lang=en" title="NEV production and sales growth" height="150"></iframe><p>More text.</p>`,
    'csp-article.css': css,
    'csp-resize.js': listener,
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const article = await server(dir);
  await p.goto(`${article.url}/csp-article.html`);
  const frame = p.frameLocator('iframe');
  await frame.locator('zhibiao-chart canvas[role=application]').waitFor();
  await p.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 200, null, { timeout: 10000 });
  const contentHeight = await frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  assert.deepEqual(await p.evaluate(() => {
    const box = document.querySelector('iframe').getBoundingClientRect();
    return [box.height, box.width === document.body.clientWidth, getComputedStyle(document.querySelector('iframe')).borderTopStyle];
  }), [contentHeight, true, 'none']);
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  await context.close();
  rmSync(dir, { recursive: true });
});

test('on a phone, a tap on the article around an iframe embed hides the card a tap in the frame showed, as a tap outside a script embed does', async () => {
  const s = await server(ROOT);
  // (Not `isMobile`: the fixture has no viewport meta, so a phone would show it zoomed out, and
  // the taps would land elsewhere.)
  const { context, page: p } = await page({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await p.goto(`${s.url}/tests/e2e/fixtures/parent.html`);
  const chart = p.frameLocator('iframe').locator('zhibiao-chart');
  await chart.locator('canvas[role=application]').waitFor();
  await p.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 200, null, { timeout: 10000 });
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await p.touchscreen.tap(box.x + bar.x, box.y + bar.y);
  await tipShows(p, chart, '42.4%');
  // The article's first paragraph, above the frame: the frame sees no event of it.
  const article = await p.locator('p').first().boundingBox();
  await p.touchscreen.tap(article.x + 20, article.y + article.height / 2);
  await tipShows(p, chart, null);
  await context.close();
});

test("on a phone, a tap shows a card and a tap outside hides it on pages whose scripts take the touch: FastClick's own click, a carousel that captures the pointer, a menu button that stops its pointerdown", async () => {
  const s = await server(ROOT);
  const LIBRARIES = {
    plain: '',
    // FastClick (older news sites; active on iPhones): the browser's click after a touch
    // cancelled, and one of its own sent to the touch's target (outside the shadow root, the element).
    fastclick: `document.addEventListener('touchend', (e) => {
      const t = e.changedTouches[0];
      e.preventDefault();
      const click = document.createEvent('MouseEvents');
      click.initMouseEvent('click', true, true, window, 1, t.screenX, t.screenY, t.clientX, t.clientY, false, false, false, false, 0, null);
      e.target.dispatchEvent(click);
    });`,
    // A swipe carousel that captures the pointer on what it touched (as @use-gesture's drag does),
    // or on its own element.
    capture: `document.getElementById('slides').addEventListener('pointerdown', (e) => e.target.setPointerCapture(e.pointerId));`,
    captureOwn: `document.getElementById('slides').addEventListener('pointerdown', (e) => e.currentTarget.setPointerCapture(e.pointerId));`,
  };
  for (const [name, script] of Object.entries(LIBRARIES)) {
    const { context, page: p, log } = await page({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await openArticle(p, s, 'body { margin: 0 } #menu { display: block; width: 200px; height: 60px }',
      '<button id="menu">Menu</button><div id="slides"><zhibiao-chart chart="nev" lang="en"></zhibiao-chart></div>' +
      // The page's menu button keeps its pointerdown to itself.
      `<script>document.getElementById('menu').addEventListener('pointerdown', (e) => e.stopPropagation()); ${script}</script>`);
    await ready(p, 'nev');
    const chart = p.locator('zhibiao-chart');
    const bar = await chart.evaluate(FIRST_BAR);
    const box = await chart.locator('canvas[role=application]').boundingBox();
    await p.touchscreen.tap(box.x + bar.x, box.y + bar.y);
    await tipShows(p, chart, '42.4%').catch(() => assert.fail(`${name}: a tap on the first bar shows its card`));
    const menu = await p.locator('#menu').boundingBox();
    await p.touchscreen.tap(menu.x + 20, menu.y + 20);
    await tipShows(p, chart, null).catch(() => assert.fail(`${name}: a tap on the menu button hides the card`));
    assert.deepEqual(log.pageErrors, [], name);
    assert.deepEqual(log.consoleErrors, [], name);
    await context.close();
  }
});

test("on a phone, a touch the browser took for a scroll leaves no tap behind, and a click elsewhere in the chart between a tap's touch and its click does not undo the tap", async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await openArticle(p, s, 'body { margin: 0 } p { height: 100px; margin: 0 }', '<p>Article</p><zhibiao-chart chart="nev" lang="en"></zhibiao-chart>');
  await ready(p, 'nev');
  const chart = p.locator('zhibiao-chart');
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await p.touchscreen.tap(box.x + bar.x, box.y + bar.y);
  await tipShows(p, chart, '42.4%');
  const at = { x: box.x + bar.x, y: box.y + bar.y };
  // A touch on the canvas that became a scroll (the browser cancels it and sends no click), then
  // a script's click on the element over that bar: no tap (it would have hidden the card).
  await chart.evaluate((el, { x, y }) => {
    const canvas = el.shadowRoot.querySelector('canvas[role=application]');
    const touch = { pointerType: 'touch', clientX: x, clientY: y, bubbles: true, composed: true };
    canvas.dispatchEvent(new PointerEvent('pointerdown', touch));
    canvas.dispatchEvent(new PointerEvent('pointercancel', touch));
    el.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
  }, at);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.equal(await chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null), '42.4%', 'the card stays');
  // A second tap on that bar, with a link in the chart clicked between its touch and its click
  // (a download's, at the window's top left): the tap hides the card.
  await chart.evaluate((el, { x, y }) => {
    const canvas = el.shadowRoot.querySelector('canvas[role=application]');
    const touch = { pointerType: 'touch', clientX: x, clientY: y, bubbles: true, composed: true };
    canvas.dispatchEvent(new PointerEvent('pointerdown', touch));
    canvas.dispatchEvent(new PointerEvent('pointerup', touch));
    const link = document.createElement('a');
    el.shadowRoot.append(link);
    link.click();
    link.remove();
    canvas.dispatchEvent(new PointerEvent('click', touch));
  }, at);
  await tipShows(p, chart, null);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('the self-contained file works opened from disk', async () => {
  const { context, page: p, log } = await page();
  await p.goto(pathToFileURL(join(DIST, 'zhibiao-standalone.html')).href);
  for (const chart of ['growth', '5g', 'nev']) await ready(p, chart);
  assert.deepEqual(log.pageErrors, []);
  // A failure inside the wasm (a hostile page): one file has no module to load afresh, so each
  // chart says at once to reload the page, without trying.
  await p.evaluate(() => Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get() { throw new Error('forced failure'); } }));
  const chart = p.locator('zhibiao-chart[chart=growth]');
  await chart.locator('canvas[role=application]').focus();
  await p.keyboard.press('ArrowRight');
  await chart.locator('.crash').waitFor();
  // A restart, if one were tried, would fail to load within this time and say so.
  await p.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  assert.equal(await chart.locator('.crash').textContent(), '图表出错，无法恢复。请刷新页面。');
  assert.ok(log.consoleErrors.some((e) => e.includes('a chart failed')), 'the failure is reported');
  assert.ok(!log.consoleErrors.some((e) => e.includes('restart failed')), log.consoleErrors.join('\n'));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
  // Served over HTTP too (put on a site as it is), it fetches nothing that fails: no favicon.ico.
  const site = await server(DIST);
  const served = await page();
  await served.page.goto(`${site.url}/zhibiao-standalone.html`);
  for (const c of ['growth', '5g', 'nev']) await ready(served.page, c);
  await served.page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.deepEqual(served.log.consoleErrors, []);
  await served.context.close();
});

test("each chart's own embed page (embed-nev-en.html) shows that chart alone without JavaScript, in its language; with it, draws that chart in a frame and posts its height; a query overrides its chart and language", async () => {
  const s = await server(ROOT);
  const { context, page: p } = await page({ javaScriptEnabled: false });
  const titles = {};
  for (const chart of ['growth', '5g', 'nev']) {
    for (const lang of ['zh', 'en']) {
      await p.goto(`${s.url}/dist/embed-${chart}-${lang}.html`);
      const images = p.locator('.static-chart img');
      assert.equal(await images.count(), 1, `embed-${chart}-${lang}.html: one picture`);
      await images.evaluate((img) => (img.complete ? null : new Promise((r) => { img.onload = r; img.onerror = r; })));
      assert.deepEqual(await images.evaluate((img) => [img.currentSrc.split('/').pop(), img.naturalWidth > 0]), [`${chart}-${lang}.svg`, true]);
      assert.equal(await p.locator('html').getAttribute('lang'), lang);
      const caption = await p.locator('.static-chart table caption').textContent();
      assert.ok(lang === 'en' ? caption.endsWith(' (data table)') : caption.startsWith('数据表：'), caption);
      // In the chart's fonts, as the picture's text is (the frame's default was a serif).
      assert.match(await p.locator('.static-chart td').first().evaluate((td) => getComputedStyle(td).fontFamily), /^"PingFang SC"/);
      // Its title is the chart's, as the script sets it on embed.html once the chart is drawn.
      titles[`${chart}-${lang}`] = await p.title();
    }
  }
  await context.close();
  // With script, in an article's frame: that chart, in its language, the frame's height posted.
  const withScript = await page();
  const host = '<!doctype html><html lang="en"><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,">' +
    '<script>window.__messages = []; addEventListener("message", (e) => window.__messages.push(e.data));</script>' +
    '<iframe src="/dist/embed-nev-en.html" style="width: 700px; height: 300px; border: 0"></iframe>';
  await withScript.page.route('**/article.html', (route) => route.fulfill({ contentType: 'text/html', body: host }));
  await withScript.page.goto(`${s.url}/tests/e2e/fixtures/article.html`);
  const frame = withScript.page.frameLocator('iframe');
  assert.equal(await frame.locator('zhibiao-chart canvas[role=application]').getAttribute('aria-label', { timeout: 15000 }), 'New energy vehicle (NEV) production and sales growth, H1\u00a02023');
  await withScript.page.waitForFunction(() => window.__messages.some((m) => m.type === 'zhibiao:height' && m.height > 200), null, { timeout: 10000 });
  // Its title without script is the one the script gives it once the chart is drawn.
  const frameTitle = () => withScript.page.frames()[1].title();
  await withScript.page.waitForFunction(() => document.querySelector('iframe').contentDocument.title.includes('NEV'));
  assert.equal(await frameTitle(), titles['nev-en']);
  // A query overrides what the page has written in: another language, another chart (and until
  // a chart names itself, the frame's title names none).
  const frameAt = async (query) => {
    await withScript.page.evaluate((q) => { document.querySelector('iframe').src = `/dist/embed-nev-en.html${q}`; }, query);
    await withScript.page.waitForFunction((q) => document.querySelector('iframe').contentWindow.location.search === q, query);
    return withScript.page.frames()[1];
  };
  let f = await frameAt('?lang=zh');
  await f.waitForFunction(() => document.title === '新能源汽车产销同比增长（2023年上半年） · 指标');
  assert.deepEqual(await f.evaluate(() => [document.documentElement.lang, document.title]), ['zh', titles['nev-zh']]);
  f = await frameAt('?chart=bogus');
  await f.locator('zhibiao-chart .message').waitFor();
  assert.equal(await f.title(), 'zhibiao · chart');
  f = await frameAt('?chart=growth');
  await f.waitForFunction(() => document.title.startsWith('Year-on-year'));
  assert.equal(await f.title(), titles['growth-en']);
  assert.deepEqual(withScript.log.pageErrors, []);
  await withScript.context.close();
});

test('the self-contained file without JavaScript shows the static charts, inlined, and their tables', async () => {
  // (It once said only its three tables' captions and that JavaScript is needed.)
  const { context, page: p, log } = await page({ javaScriptEnabled: false });
  await p.goto(pathToFileURL(join(DIST, 'zhibiao-standalone.html')).href);
  const images = p.locator('.static-chart img');
  assert.equal(await images.count(), 3);
  for (let i = 0; i < 3; i += 1) {
    assert.match(await images.nth(i).getAttribute('src'), /^data:image\/svg\+xml;base64,/);
    await images.nth(i).evaluate((img) => (img.complete ? null : new Promise((r) => { img.onload = r; img.onerror = r; })));
    assert.ok(await images.nth(i).evaluate((img) => img.naturalWidth > 0), 'the SVG loads');
  }
  assert.deepEqual(await p.locator('.static-chart table caption').allTextContents(),
    ['数据表：2023年上半年主要指标同比增长', '数据表：5G与网络发展（截至2023年6月底）', '数据表：新能源汽车产销同比增长（2023年上半年）']);
  // Styled as the page's no-script charts are: the picture no wider than the window.
  await p.setViewportSize({ width: 360, height: 800 });
  assert.ok(await images.first().evaluate((img) => img.getBoundingClientRect().width <= 360));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('without JavaScript the page shows the static SVG charts and tables', async () => {
  const s = await server(DIST);
  const { context, page: p } = await page({ javaScriptEnabled: false });
  await p.goto(`${s.url}/index.html`);
  const images = p.locator('.static-chart img');
  assert.equal(await images.count(), 3);
  for (let i = 0; i < 3; i += 1) {
    await images.nth(i).evaluate((img) => (img.complete ? null : new Promise((r) => { img.onload = r; })));
    assert.ok(await images.nth(i).evaluate((img) => img.naturalWidth > 0), 'the SVG loads');
  }
  assert.equal(await p.locator('.static-chart table').count(), 3);
  assert.equal(await p.locator('.tabs').evaluate((el) => getComputedStyle(el).display), 'none');
  // The introduction says nothing of hovering, keys or the Table button, which these lack.
  const intro = await p.locator('.intro').innerText();
  assert.ok(intro.includes('推算') && !intro.includes('悬停') && !intro.includes('表格'), intro);
  // The desktop's pictures here; a phone gets pictures laid out for it, its text at the size
  // drawn (the desktop's, shrunk to 45 %, set it at 6 px), no wider than its column.
  const shown = () => p.locator('.static-chart img').evaluateAll((imgs) => imgs.map((img) => [img.currentSrc.split('/').pop(), img.getBoundingClientRect().width]));
  assert.deepEqual((await shown()).map(([file]) => file), ['growth-zh.svg', '5g-zh.svg', 'nev-zh.svg']);
  await p.setViewportSize({ width: 390, height: 800 });
  await p.reload();
  for (const [file, width] of await shown()) {
    assert.match(file, /-zh-phone\.svg$/);
    assert.ok(width >= 340 && width <= 360, `${file} shown ${width} px wide`);
  }
  const loaded = await p.locator('.static-chart img').evaluateAll((imgs) => Promise.all(imgs.map((img) => (img.complete
    ? img.naturalWidth : new Promise((r) => { img.onload = () => r(img.naturalWidth); img.onerror = () => r(0); })))));
  assert.deepEqual(loaded, [360, 360, 360], 'the phone pictures load, laid out at 360 px');
  await p.setViewportSize({ width: 1280, height: 720 });
  await p.goto(`${s.url}/embed.html?chart=nev`);
  assert.equal(await p.locator('.static-chart img').count(), 3);
  // On a phone, on either page, each table row is a block: the indicator's name on a line or two
  // (not a character per line in a sliver of a column), the quoted sentence as wide as the table,
  // its attribution's date whole; nothing wider than the screen.
  for (const path of ['index.html', 'embed.html?chart=nev']) {
    await p.setViewportSize({ width: 360, height: 800 });
    await p.goto(`${s.url}/${path}`);
    const found = await p.locator('.static-chart table').first().evaluate((table) => {
      const lines = (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      const rows = [...table.querySelectorAll('tbody tr')].filter((tr) => tr.children.length > 1);
      const dates = rows.flatMap((tr) => [...tr.lastElementChild.childNodes].filter((n) => n.nodeType === 3 && n.textContent.includes('2023年7月19日')))
        .map((node) => {
          const range = document.createRange();
          const at = node.textContent.indexOf('2023年7月19日');
          range.setStart(node, at);
          range.setEnd(node, at + '2023年7月19日'.length);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
      return {
        rows: rows.length,
        nameLeft: Math.round(rows[0].children[0].getBoundingClientRect().left),
        nameLines: Math.max(...rows.map((tr) => lines(tr.children[0]))),
        quotePx: Math.min(...rows.map((tr) => tr.lastElementChild.getBoundingClientRect().width)),
        tableRight: table.getBoundingClientRect().right,
        pageWidth: document.documentElement.scrollWidth,
        dates,
      };
    });
    assert.ok(found.rows >= 6, `${path}: has its rows`);
    // Where the chart's text would start: the page's padding, or the embed's 12 px.
    assert.equal(found.nameLeft, path.startsWith('index') ? 16 : 12, `${path}: the names start ${found.nameLeft} px in`);
    assert.ok(found.nameLines <= 2, `${path}: a name takes ${found.nameLines} lines`);
    assert.ok(found.quotePx >= 300, `${path}: a quote is ${found.quotePx} px wide`);
    assert.ok(found.pageWidth <= 360 && found.tableRight <= 360, `${path}: ${JSON.stringify(found)}`);
    assert.ok(found.dates.length >= 6 && found.dates.every((n) => n === 1), `${path}: each date on one line: ${found.dates}`);
    // The "· " before a kind is drawn, not said: the browser names the cell "原文", not "· 原文".
    const cdp = await context.newCDPSession(p);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const kinds = nodes.filter((n) => !n.ignored && n.role?.value === 'cell').map((n) => n.name?.value ?? '').filter((name) => name.includes('原文'));
    assert.ok(kinds.length >= 6 && kinds.every((name) => name === '原文'), `${path}: ${kinds.slice(0, 3).join(' | ')}`);
    await cdp.detach();
  }
  await context.close();
});

test('the iframe embed is light unless its URL asks for dark or for the reader\'s preference (theme=dark|auto), and warns of a bad theme', async () => {
  const s = await server(DIST);
  const seen = async (colorScheme, query, path = 'embed.html?chart=nev') => {
    const { context, page: p, log } = await page({ colorScheme });
    const warnings = [];
    p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    // The frame's ground in its first rendered frame: a dark embed must not show a white frame
    // first (first-paint does not count one, white being the default).
    await p.addInitScript(() => requestAnimationFrame(() => { window.__firstGround = getComputedStyle(document.body ?? document.documentElement).backgroundColor; }));
    await p.goto(`${s.url}/${path}${query}`);
    await ready(p, 'nev');
    // The canvas's top-left pixel (theme.rs: #ffffff light, #16181c dark) and the frame's ground.
    const look = await p.locator('zhibiao-chart').evaluate((el) => `${window.__corner(el)} ${getComputedStyle(document.body).backgroundColor}`);
    assert.equal(await p.evaluate(() => window.__firstGround), look.split(' ').slice(1).join(' '), `the first frame's ground (theme "${query}")`);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
    return [look, ...warnings];
  };
  const LIGHT = 'ffffff rgb(255, 255, 255)';
  const DARK = '16181c rgb(22, 24, 28)';
  assert.deepEqual(await seen('dark', ''), [LIGHT], 'no theme: light, though the reader prefers dark');
  assert.deepEqual(await seen('dark', '&theme=auto'), [DARK], 'auto: the reader\'s dark');
  assert.deepEqual(await seen('light', '&theme=auto'), [LIGHT], 'auto: the reader\'s light');
  assert.deepEqual(await seen('light', '&theme=Dark'), [DARK], 'dark (any case), though the reader prefers light');
  assert.deepEqual(await seen('dark', '&theme=light'), [LIGHT], 'light');
  assert.deepEqual(await seen('dark', '&theme=purple'),
    [LIGHT, 'zhibiao: embed.html\'s theme="purple" is not one of light, dark, auto; showing light'], 'a bad theme: light, and a warning naming it');
  // The warning names the page the frame shows.
  assert.deepEqual(await seen('dark', '?theme=purple', 'embed-nev-en.html'),
    [LIGHT, 'zhibiao: embed-nev-en.html\'s theme="purple" is not one of light, dark, auto; showing light']);
});

test('the iframe embed opens the point a copied link names, and ignores a malformed or foreign hash', async () => {
  const s = await server(DIST);
  const { context, page: p, log } = await page();
  // The message alone (the element logged with it follows in the console).
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.args()[0]?.jsonValue()); });
  await p.goto(`${s.url}/embed.html?chart=nev&lang=en#nev/nev_production_growth`);
  await ready(p, 'nev');
  // The frame's title is the chart's, as the canvas names it.
  const name = await p.locator('zhibiao-chart canvas[role=application]').getAttribute('aria-label');
  assert.ok(name.includes('NEV'), name);
  assert.equal(await p.title(), `${name} · zhibiao`);
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'en', "the frame's language is the chart's");
  // As a language tag, whatever way the query wrote it.
  for (const [query, lang, suffix] of [['&lang=en_GB', 'en', 'zhibiao'], ['&lang=zh_CN', 'zh', '指标'], ['', 'zh', '指标']]) {
    const other = await context.newPage();
    await other.addInitScript(RECORD_READY);
    await other.goto(`${s.url}/embed.html?chart=5g${query}`);
    await ready(other, '5g');
    assert.deepEqual(await other.evaluate(() => [document.documentElement.lang, document.title.split(' · ')[1]]), [lang, suffix], query);
    await other.close();
  }
  // A chart it cannot show: the frame's language and title are the message's.
  const bad = await context.newPage();
  await bad.goto(`${s.url}/embed.html?chart=pie&lang=en`);
  await bad.locator('zhibiao-chart .message').waitFor();
  assert.deepEqual(await bad.evaluate(() => [document.documentElement.lang, document.title, document.querySelector('zhibiao-chart').shadowRoot.querySelector('.message').textContent.startsWith('Cannot show the chart')]), ['en', 'zhibiao · chart', true]);
  await bad.close();
  // The point is highlighted, without a card over the chart.
  const chart = p.locator('zhibiao-chart');
  assert.equal(await markedValue(p, chart), '42.4%');
  const focusPoint = () => p.evaluate(() => document.querySelector('zhibiao-chart').getAttribute('focus-point'));
  // A malformed hash changes nothing.
  await p.evaluate(() => { location.hash = '#%E0'; });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await focusPoint(), 'nev_production_growth');
  assert.equal(await markedValue(p, chart), '42.4%');
  // Another chart's hash, or a point the chart lacks, focuses nothing.
  // Each waits for its own end state: another chart's hash removes focus-point; a point the chart
  // lacks is set as given, as text.
  for (const [hash, focused] of [['#growth/nev_sales_growth', null], [`#nev/${encodeURIComponent(XSS)}`, XSS]]) {
    await p.evaluate((h) => { location.hash = h; }, hash);
    await p.waitForFunction((f) => document.querySelector('zhibiao-chart').getAttribute('focus-point') === f, focused);
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await chart.evaluate(MARKERS_SHOWN), 0, hash);
  }
  assert.equal(await p.evaluate(() => window.__xss), undefined);
  // The point the XSS hash names does not exist: the console says which points do.
  assert.ok((await Promise.all(warnings)).some((w) => w.startsWith('<zhibiao-chart>: focus-point="<img')
    && w.endsWith('is not a point of chart="nev"; its points are nev_production_growth, nev_sales_growth, industry_value_added_growth')), (await Promise.all(warnings)).join('\n'));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a framework that sets chart and focus-point one after the other, in either order, gets no warning; a point the chart lacks still gets one', async () => {
  const s = await server(DIST);
  const { context, page: p, log } = await page();
  // Each warning's message, and whether the element logged with it is the chart.
  const logged = [];
  p.on('console', (m) => {
    if (m.type() === 'warning') logged.push(Promise.all([m.args()[0]?.jsonValue(), m.args()[1]?.evaluate((el) => el === document.querySelector('zhibiao-chart'))]));
  });
  const warnings = async () => (await Promise.all(logged)).map(([text]) => text);
  await p.goto(`${s.url}/embed.html?chart=nev`);
  await ready(p, 'nev');
  const switched = (steps) => p.evaluate(async (steps) => {
    const el = document.querySelector('zhibiao-chart');
    window.__ready = [];
    // One task, as a framework's render sets each attribute in turn.
    for (const [name, value] of steps) el.setAttribute(name, value);
    const chart = steps.find(([name]) => name === 'chart')[1];
    await new Promise((r) => { const wait = () => (window.__ready.includes(chart) ? r() : requestAnimationFrame(wait)); wait(); });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, steps);
  await p.evaluate(() => document.querySelector('zhibiao-chart').setAttribute('focus-point', 'nev_sales_growth'));
  await switched([['chart', '5g'], ['focus-point', 'bs_5g_total']]);
  await switched([['focus-point', 'nev_sales_growth'], ['chart', 'nev']]);
  // An empty one, as an empty lang, names no point and asks for none.
  await switched([['focus-point', ''], ['chart', '5g']]);
  assert.deepEqual(await warnings(), []);
  await switched([['chart', 'growth'], ['focus-point', 'nev_production_growth']]);
  await switched([['chart', '5g'], ['focus-point', 'nev_production_growth']]);
  const said = await warnings();
  assert.equal(said.length, 1, said.join('\n'));
  assert.ok(said[0].startsWith('<zhibiao-chart>: focus-point="nev_production_growth" is not a point of chart="5g"; its points are bs_5g_total'), said[0]);
  assert.equal((await Promise.all(logged))[0][1], true, 'logged with the element');
  assert.deepEqual([...log.pageErrors, ...log.consoleErrors], []);
  await context.close();
});

test('no attribute or query value is ever inserted as HTML', async () => {
  const s = await server(DIST);
  const { context, page: p, log } = await page();
  await p.goto(`${s.url}/index.html#${encodeURIComponent(XSS)}`);
  await ready(p, 'growth');
  await p.evaluate((payload) => {
    for (const attr of ['chart', 'lang', 'focus-point']) {
      const el = document.createElement('zhibiao-chart');
      el.setAttribute('chart', 'nev');
      el.setAttribute(attr, payload);
      el.className = 'xss';
      document.body.append(el);
    }
  }, XSS);
  await p.waitForFunction(() => {
    const [chart, lang] = [...document.querySelectorAll('zhibiao-chart.xss')].map((el) => el.shadowRoot?.querySelector('.message:not([hidden])'));
    return chart && lang;
  }, null, { timeout: 5000 }).catch(() => {});
  await p.waitForTimeout(300);
  // chart= and lang= name the payload, as text, in their messages; focus-point names no point: no
  // message, and the chart draws.
  const messages = await p.locator('zhibiao-chart.xss').evaluateAll((els) => els.map((el) => {
    const message = el.shadowRoot.querySelector('.message');
    return message && !message.hidden ? message.textContent : null;
  }));
  assert.ok(messages[0]?.includes(`chart="${XSS}"`), messages[0]);
  assert.ok(messages[1]?.includes(`lang="${XSS}"`), messages[1]);
  assert.equal(messages[2], null, 'a focus-point it does not have is no error');
  // It draws: what it shows is as wide as its box in device px, with ink in it (a canvas that is
  // never drawn is 300 px wide and blank).
  const third = p.locator('zhibiao-chart.xss').nth(2);
  await third.scrollIntoViewIfNeeded();
  await p.waitForFunction((el) => {
    const { canvas, context } = window.__shown(el);
    const width = canvas.getBoundingClientRect().width;
    if (width < 100 || canvas.width !== Math.round(width * devicePixelRatio)) return false;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    return data.some((v, i) => i % 4 === 3 && v > 0);
  }, await third.elementHandle(), { timeout: 5000 });
  const inserted = () => p.evaluate(() => ({
    images: document.querySelectorAll('img').length + [...document.querySelectorAll('zhibiao-chart')].reduce((n, el) => n + el.shadowRoot.querySelectorAll('img').length, 0),
    xss: window.__xss,
  }));
  assert.deepEqual(await inserted(), { images: 0, xss: undefined }, 'the page: no element from the payload');
  for (const query of [`chart=${encodeURIComponent(XSS)}`, `chart=nev&lang=${encodeURIComponent(XSS)}`]) {
    await p.goto(`${s.url}/embed.html?${query}`);
    await p.locator('zhibiao-chart .message').waitFor();
    assert.ok((await p.locator('zhibiao-chart .message').textContent()).includes(XSS));
    assert.deepEqual(await inserted(), { images: 0, xss: undefined }, query);
  }
  // A bad theme is said in the console alone, with its value; the chart is drawn, light.
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await p.goto(`${s.url}/embed.html?chart=nev&theme=${encodeURIComponent(XSS)}`);
  await p.locator('zhibiao-chart canvas[role=application]').waitFor();
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await inserted(), { images: 0, xss: undefined }, 'theme');
  assert.equal(await p.evaluate(() => document.documentElement.style.colorScheme), 'light');
  assert.ok(warnings.some((w) => w.includes(`theme="${XSS}"`)), warnings.join('\n'));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('printed from a phone in dark mode, a chart is laid out at a page\'s width, not the phone\'s layout scaled up, light, drawn afresh on its canvas; the phone\'s again after', async () => {
  const s = await server(ROOT);
  // A reader in dark mode, on a page that allows it: dark on screen, light on paper.
  const { context, page: p, log } = await page({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'dark' });
  await p.route('**/phone-print.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="color-scheme" content="light dark"><title>print</title><link rel="icon" href="data:,">' +
    '<body style="margin: 16px"><div id="box"><zhibiao-chart chart="growth"></zhibiao-chart></div><div style="height: 5000px"></div>' +
    '<zhibiao-chart id="far" chart="nev"></zhibiao-chart><script type="module" src="/dist/zhibiao.js"></script>' }));
  await p.goto(`${s.url}/tests/e2e/fixtures/phone-print.html`);
  await ready(p, 'growth');
  await p.waitForTimeout(300);
  const onScreen = await p.evaluate(() => [window.__shown(document.querySelector('zhibiao-chart')).canvas.width, window.__corner(document.querySelector('zhibiao-chart'))]);
  assert.deepEqual(onScreen, [343 * 3, '16181c'], 'on the phone, drawn at 343 px, dark');
  await p.emulateMedia({ media: 'print' });
  // All in the beforeprint event, as nothing else runs before the page prints. The paper's place
  // for the chart is stood in for by the box's width, set before any resize callback can run.
  const printed = await p.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const el = document.querySelector('zhibiao-chart');
    const canvas = el.shadowRoot.querySelector('canvas[role=application]');
    const view = el.shadowRoot.querySelector('canvas.view');
    const shown = view && !view.hidden ? view : canvas;
    const box = document.getElementById('box');
    const widthIn = (px) => { box.style.width = `${px}px`; return Math.round(shown.getBoundingClientRect().width); };
    const tableInk = getComputedStyle(el.shadowRoot.querySelector('.table')).color;
    // The ground under the table's text, printed where a browser prints backgrounds.
    const ground = getComputedStyle(el).backgroundColor;
    const found = { laidOut: shown.width / 3, canvasShown: shown === canvas, light: window.__corner(el), tableInk, ground, onPaper: widthIn(718), inNarrowPlace: widthIn(500) };
    box.style.width = '';
    window.dispatchEvent(new Event('afterprint'));
    return found;
  });
  assert.deepEqual(printed, { laidOut: 680, canvasShown: true, light: 'ffffff', tableInk: 'rgb(26, 26, 26)', ground: 'rgb(255, 255, 255)', onPaper: 680, inNarrowPlace: 500 },
    'laid out at 680 px, light, shown by the canvas drawn for print, never wider than that, narrower where its place is');
  await p.emulateMedia({ media: 'screen' });
  await p.waitForFunction(() => {
    const el = document.querySelector('zhibiao-chart');
    return window.__shown(el).canvas.width === 343 * 3 && window.__corner(el) === '16181c';
  }, null, { timeout: 5000 });
  // A chart far below, never scrolled to, was drawn for paper too, and is back at the phone's
  // width at once: left at paper's, it showed squeezed into its column, for a frame or two, where
  // a link jumped to it.
  const far = await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => {
    r(document.getElementById('far').shadowRoot.querySelector('canvas[role=application]').style.width);
  }))));
  assert.equal(far, '343px');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('downloads work on a page that declares `var URL` after zhibiao loaded (an analytics tag), and the wasm loads through a page\'s fetch wrapper that takes only strings', async () => {
  const s = await server(DIST);
  const { context, page: p, log } = await page({ acceptDownloads: true });
  // Before zhibiao.js: a wrapper that fetches `input.url` for anything not a string.
  await p.addInitScript(() => {
    const pageFetch = window.fetch;
    window.fetch = (input, init) => pageFetch(typeof input === 'string' ? input : input.url, init);
  });
  await p.goto(`${s.url}/index.html`);
  await ready(p, 'growth');
  await p.addScriptTag({ content: 'var URL = location.href;' });
  const chart = p.locator('#panel-growth zhibiao-chart');
  for (const name of ['下载 PNG', '下载 CSV']) {
    const [file] = await Promise.all([p.waitForEvent('download'), chart.getByRole('button', { name }).click()]);
    assert.ok(readFileSync(await file.path()).length > 1000, name);
  }
  assert.equal(await chart.locator('.crash').count(), 0, 'no chart in its failure state');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('a PNG downloaded on a phone is laid out at a page\'s width, not the phone\'s', async () => {
  const s = await server(DIST);
  const { context, page: p } = await page({ acceptDownloads: true, viewport: { width: 375, height: 800 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  await p.goto(`${s.url}/embed.html?chart=nev`);
  await ready(p, 'nev');
  const chart = p.locator('zhibiao-chart');
  const [png] = await Promise.all([p.waitForEvent('download'), chart.getByRole('button', { name: '下载 PNG' }).click()]);
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.readUInt32BE(16), 680 * 2, 'twice a page\'s 680 px, not the phone\'s 343 px');
  await context.close();
});

test('PNG at 2x in the light theme (also from a dark screen), CSV with provenance, and a copied link to the focused point', async () => {
  const s = await server(DIST);
  const { context, page: p } = await page({ acceptDownloads: true, colorScheme: 'dark' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
  await p.goto(`${s.url}/index.html#nev/nev_sales_growth`);
  await ready(p, 'nev');
  const chart = p.locator('#panel-nev zhibiao-chart');
  const cssWidth = await chart.locator('canvas[role=application]').evaluate((c) => c.getBoundingClientRect().width);

  const wasmBytes = () => p.evaluate(async () => (await (await import('./pkg/zhibiao.js')).default()).memory.buffer.byteLength);
  const before = await wasmBytes();
  const [png] = await Promise.all([p.waitForEvent('download'), chart.getByRole('button', { name: '下载 PNG' }).click()]);
  assert.equal(png.suggestedFilename(), 'zhibiao-china-nev-growth-2023-h1-zh.png');
  // Encoded by toBlob, in the browser's own time: toDataURL held the click's task for it (59 of a
  // 109 ms click on a phone's 4x-slowed CPU) and put its ≈ 200 KB URL through the wasm's memory,
  // which grew by as much and never shrinks.
  assert.match(png.url(), /^blob:/);
  assert.ok(await wasmBytes() - before < 64 * 1024, `the wasm memory grew by ${await wasmBytes() - before} B`);
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.equal(bytes.readUInt32BE(16), Math.round(cssWidth * 2), 'twice the CSS width');
  // A graphic for print or another page: the light theme's white ground, though the screen is dark.
  const corner = await p.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(4, 4, 1, 1).data];
  }, bytes.toString('base64'));
  assert.deepEqual(corner, [255, 255, 255, 255], 'a white ground');

  const [csv] = await Promise.all([p.waitForEvent('download'), chart.getByRole('button', { name: '下载 CSV' }).click()]);
  assert.equal(csv.suggestedFilename(), 'zhibiao-china-nev-growth-2023-h1-zh.csv');
  assert.match(csv.url(), /^blob:/);
  const rows = readFileSync(await csv.path(), 'utf8').split('\r\n');
  assert.ok(rows[0].startsWith('\ufeffpanel,id,') && rows[0].endsWith('file,offset_utf8_bytes,quote,formula,formula_inputs'), rows[0]);
  assert.ok(rows.some((r) => r.includes(',nev_sales_growth,') && r.includes('004_c299f12b6387bd31.txt') && r.includes('44.1%')));

  await chart.getByRole('button', { name: '复制链接' }).click();
  await p.waitForFunction(() => document.querySelector('#panel-nev zhibiao-chart').shadowRoot
    .querySelector('[role=status]').textContent.startsWith('已复制链接'));
  // Said in words, not with the link spelt out a character at a time.
  assert.equal(await chart.locator('[role=status]').textContent(), '已复制链接');
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), `${s.url}/index.html#nev/nev_sales_growth`);
  // A sighted reader sees it too, beside the buttons, for a moment; then it fades out.
  const said = chart.locator('.said');
  assert.equal(await said.textContent(), '已复制链接');
  assert.ok(await said.isVisible(), 'the reader sees that the link was copied');
  const [saidBox, buttonBox] = [await said.boundingBox(), await chart.getByRole('button', { name: '复制链接' }).boundingBox()];
  assert.ok(saidBox.x > buttonBox.x + buttonBox.width && Math.abs((saidBox.y + saidBox.height / 2) - (buttonBox.y + buttonBox.height / 2)) < 2,
    `beside the button: ${JSON.stringify({ saidBox, buttonBox })}`);
  // Faded, it goes: from the toolbar (a phone's toolbar, where it has a line of its own, and an
  // iframe embed's height, no longer keep its room), and from the live region, where a screen
  // reader reading on would find it stale.
  await p.waitForFunction((el) => getComputedStyle(el.shadowRoot.querySelector('.said')).display === 'none',
    await chart.elementHandle(), { timeout: 6000 });
  assert.equal(await chart.locator('[role=status]').textContent(), '');

  // A reader who keys to a point and then moves to the button (focus leaves the chart, which
  // goes back to the page's point) shares the point they chose.
  await chart.locator('canvas[role=application]').focus();
  await p.keyboard.press('Home');
  await chart.getByRole('button', { name: '复制链接' }).focus();
  await p.keyboard.press('Enter');
  await clipboardHolds(p, `${s.url}/index.html#nev/nev_production_growth`);
  // The page then sets its own point, which shows in place of the reader's: the link names it.
  await chart.evaluate((el) => el.setAttribute('focus-point', 'industry_value_added_growth'));
  await chart.getByRole('button', { name: '复制链接' }).click();
  await clipboardHolds(p, `${s.url}/index.html#nev/industry_value_added_growth`);
  await context.close();
});

test('in a modal dialog, Escape first hides the card the mouse shows, with the focus on the chart or the dialog\'s own button, and only a second closes the dialog', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  await openArticle(p, s, 'dialog { width: 760px }', '<button id="open" onclick="d.showModal()">Open</button>' +
    '<dialog id="d"><form method="dialog"><button>Close</button></form><zhibiao-chart chart="nev" lang="en"></zhibiao-chart></dialog>');
  const chart = p.locator('#d zhibiao-chart');
  for (const focus of ['the dialog\'s button', 'the chart']) {
    await p.click('#open');
    // (Drawn at the first opening; opened again, as it was.)
    await ready(p, 'nev');
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (focus === 'the chart') await chart.locator('canvas[role=application]').focus();
    const bar = await chart.evaluate(FIRST_BAR);
    const box = await chart.locator('canvas[role=application]').boundingBox();
    await p.mouse.move(box.x + bar.x, box.y + bar.y);
    await tipShows(p, chart, '42.4%');
    await p.keyboard.press('Escape');
    await tipShows(p, chart, null);
    assert.equal(await p.evaluate(() => d.open), true, `with the focus on ${focus}, the first Escape closed the card, not the dialog`);
    await p.keyboard.press('Escape');
    assert.equal(await p.evaluate(() => d.open), false, `with the focus on ${focus}, the second Escape closed the dialog`);
    await p.mouse.move(0, 0);
  }
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("the keys the chart acts on are its own: a script's dialog or carousel around it gets neither them nor an Escape that closed a card; a menu elsewhere with the focus gets that Escape", async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  // As Bootstrap's modal and carousel listen: on an element around the chart, not asking
  // whether the key was taken (`defaultPrevented`).
  await openArticle(p, s, '#box { width: 760px }', '<button id="out">Menu</button><div id="box"><button id="b">Close</button><zhibiao-chart chart="nev" lang="en"></zhibiao-chart></div>');
  await ready(p, 'nev');
  await p.evaluate(() => {
    window.__keys = [];
    window.__page = [];
    document.getElementById('box').addEventListener('keydown', (e) => window.__keys.push(e.key));
    document.addEventListener('keydown', (e) => window.__page.push(e.key));
  });
  const keys = () => p.evaluate(() => window.__keys.splice(0));
  const pageKeys = () => p.evaluate(() => window.__page.splice(0));
  const chart = p.locator('#box zhibiao-chart');
  const canvas = chart.locator('canvas[role=application]');
  await canvas.focus();
  for (const key of ['ArrowDown', 'ArrowRight', 'End', 'ArrowUp', 'ArrowLeft', 'Home']) await p.keyboard.press(key);
  await tipShows(p, chart, '42.4%');
  assert.deepEqual(await keys(), [], 'the arrows, Home and End went to the chart alone');
  await p.keyboard.press('Escape');
  await tipShows(p, chart, null);
  assert.deepEqual(await keys(), [], 'the Escape that closed the keyed card went to the chart alone');
  // Keys the chart does nothing with, and an Escape with no card to close, are the page's.
  await p.keyboard.press('Escape');
  await p.keyboard.press('a');
  await p.keyboard.press('PageDown');
  assert.deepEqual(await keys(), ['Escape', 'a', 'PageDown']);
  // A card the mouse shows: with the focus on the chart, or on the button of a script's dialog
  // that holds the chart (Bootstrap's modal has the role), the Escape that hid it is the chart's.
  const hoverThenEscape = async () => {
    const bar = await chart.evaluate(FIRST_BAR);
    const box = await canvas.boundingBox();
    await p.mouse.move(box.x + bar.x, box.y + bar.y);
    await tipShows(p, chart, '42.4%');
    await p.keyboard.press('Escape');
    await tipShows(p, chart, null);
  };
  await p.evaluate(() => document.getElementById('box').setAttribute('role', 'dialog'));
  await pageKeys();
  for (const focus of ['#b', null]) {
    if (focus) await p.focus(focus); else await canvas.focus();
    await hoverThenEscape();
    assert.deepEqual(await keys(), [], `with the focus on ${focus ?? 'the chart'}, the Escape that hid the hovered card went to the chart alone`);
    await p.keyboard.press('Escape');
    assert.deepEqual(await keys(), ['Escape'], "the next is the page's");
    await p.mouse.move(0, 0);
  }
  // Elsewhere (the focus in a menu of the page's, outside the dialog that holds the chart, or
  // the chart in the article, not in the menu), the Escape that hides the card the mouse
  // happened to rest on closes the menu too.
  await p.focus('#out');
  await pageKeys();
  await hoverThenEscape();
  assert.deepEqual(await pageKeys(), ['Escape'], 'with the focus outside the dialog holding the chart, the Escape went on to the page');
  await p.mouse.move(0, 0);
  await p.evaluate(() => document.getElementById('box').removeAttribute('role'));
  await p.focus('#b');
  await hoverThenEscape();
  assert.deepEqual(await keys(), ['Escape'], 'the Escape went on to the page');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a chart moved in the page (removed and put back in one task, or by moveBefore) keeps what the reader opened and is not drawn again', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  await openArticle(p, s, 'div { width: 700px }', '<div id="a"><zhibiao-chart chart="nev" lang="en"></zhibiao-chart></div><div id="b"></div>');
  await ready(p, 'nev');
  const chart = p.locator('zhibiao-chart');
  await chart.getByRole('button', { name: /^Table/ }).click();
  const state = () => chart.evaluate((el) => ({
    table: el.shadowRoot.querySelector('[aria-pressed]').getAttribute('aria-pressed'),
    focused: el.shadowRoot.activeElement?.tagName ?? null,
  }));
  const before = await state();
  assert.equal(before.table, 'true');
  await p.evaluate(() => { window.__ready = []; });
  // A carousel that puts a slide back at the end, a framework that reorders its list.
  await p.evaluate(() => document.getElementById('b').append(document.querySelector('zhibiao-chart')));
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal((await state()).table, 'true', 'the table stayed open across the move');
  // moveBefore (Chromium 133 and later, which runs these tests) keeps the focus too.
  assert.ok(await p.evaluate(() => 'moveBefore' in Element.prototype), 'this Chromium has moveBefore');
  // (The move above lost the focus, as any removal does.)
  await chart.getByRole('button', { name: /^Table/ }).focus();
  await p.evaluate(() => document.getElementById('a').moveBefore(document.querySelector('zhibiao-chart'), null));
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await state(), before, 'the table and the focus stayed across moveBefore');
  assert.deepEqual(await p.evaluate(() => window.__ready), [], 'not drawn again: the chart was the same width');
  // A card the keys reached stays across moveBefore, with the focus.
  await chart.locator('canvas[role=application]').focus();
  await p.keyboard.press('Home');
  const card = () => chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null);
  const keyed = await card();
  assert.ok(keyed, 'a card the keys reached');
  await p.evaluate(() => document.getElementById('b').moveBefore(document.querySelector('zhibiao-chart'), null));
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual([await card(), await chart.evaluate((el) => el.shadowRoot.activeElement?.tagName ?? null)], [keyed, 'CANVAS'], 'the keyed card and the focus stayed across moveBefore');
  // Without a lang of its own it speaks the page's Chinese; moved under English, English, as a
  // chart connected there does.
  await p.evaluate(() => document.querySelector('zhibiao-chart').removeAttribute('lang'));
  const label = () => chart.evaluate((el) => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(el.shadowRoot.querySelector('canvas').getAttribute('aria-label'))))));
  assert.match(await label(), /^新能源汽车/);
  await p.evaluate(() => {
    const section = document.createElement('section');
    section.lang = 'en';
    document.body.append(section);
    section.append(document.querySelector('zhibiao-chart'));
  });
  assert.match(await label(), /^New energy vehicle/);
  // Removed for good: unmounted at the next task, and a key press on the page after it throws
  // nowhere.
  await p.evaluate(() => document.querySelector('zhibiao-chart').remove());
  await p.keyboard.press('Escape');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("link.js opens a copied link on an article with the script embed: the first chart of that kind in the document takes its point and is scrolled to, as the page loads and at a later hash; #chart alone keeps its point; other hashes are the page's", async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page({ viewport: { width: 900, height: 700 } });
  await p.route('**/linked.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>linked</title><link rel="icon" href="data:,">' +
    `<script type="module" src="${s.url}/dist/zhibiao.js"></script><script type="module" src="${s.url}/dist/link.js"></script>` +
    '<style>body { width: 700px }</style><zhibiao-chart chart="growth" focus-point="industry_value_added_growth"></zhibiao-chart>' +
    // Another component's NEV chart, inside its shadow root, before the article's: not the document's.
    '<div><template shadowrootmode="open"><zhibiao-chart chart="nev" id="inner"></zhibiao-chart></template></div>' +
    '<div style="height: 3000px"></div><zhibiao-chart chart="NEV" id="nev"></zhibiao-chart><div style="height: 3000px"></div>' +
    // A second growth chart: a link copied from it opens the first.
    '<zhibiao-chart chart="growth" id="second"></zhibiao-chart><div style="height: 3000px"></div>' }));
  await p.goto(`${s.url}/linked.html#nev/nev_sales_growth`);
  // (Not `ready(p, 'nev')`: the other component's NEV chart says chart-ready too.)
  const nev = p.locator('#nev');
  await p.waitForFunction(MARKERS_SHOWN, await nev.elementHandle());
  assert.equal(await nev.getAttribute('focus-point'), 'nev_sales_growth');
  const top = () => nev.evaluate((el) => Math.round(el.getBoundingClientRect().top));
  assert.equal(await top(), 0, 'scrolled to the chart');
  assert.equal(await p.evaluate(() => document.querySelector('div').shadowRoot.getElementById('inner').getAttribute('focus-point')), null, "not the one in another component's shadow root");
  // A later link on the same page: the growth chart's second showing of its H1 2023 rate.
  await p.evaluate(() => { location.hash = `#growth/${encodeURIComponent('industry_value_added_growth@2')}`; });
  const growth = p.locator('zhibiao-chart[chart=growth]').first();
  await p.waitForFunction((el) => el.getAttribute('focus-point') === 'industry_value_added_growth@2', await growth.elementHandle());
  assert.equal(await growth.evaluate((el) => Math.round(el.getBoundingClientRect().top)), 0);
  assert.equal(await p.locator('#second').getAttribute('focus-point'), null, 'the first growth chart, not the second');
  // The chart alone: scrolled to, its point kept.
  await p.evaluate(() => scrollTo(0, 2000));
  await p.evaluate(() => { location.hash = '#growth'; });
  await p.waitForFunction((el) => Math.round(el.getBoundingClientRect().top) === 0, await growth.elementHandle());
  assert.equal(await growth.getAttribute('focus-point'), 'industry_value_added_growth@2');
  // A hash that names no chart here is the page's: nothing changes, nothing scrolls.
  await p.evaluate(() => scrollTo(0, 1000));
  await p.evaluate(() => { location.hash = '#comments'; });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual([await growth.getAttribute('focus-point'), await nev.getAttribute('focus-point')], ['industry_value_added_growth@2', 'nev_sales_growth']);
  assert.equal(await p.evaluate(() => scrollY), 1000);
  // Nor one that is an element's id in the page (a heading's), where it names no point.
  await p.evaluate(() => { document.body.insertAdjacentHTML('beforeend', '<h2 id="growth">Growth</h2><div style="height: 3000px"></div>'); location.hash = '#growth'; });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(await p.evaluate(() => Math.abs(document.getElementById('growth').getBoundingClientRect().top) < 1), 'the heading, not the chart');
  assert.deepEqual([...log.pageErrors, ...log.consoleErrors], []);
  await context.close();
});

test("frameworks that set properties (Lit's .chart, Angular's [chart]), before the element is defined or after, get the chart they name; a card the mouse showed goes when the chart is reordered (no pointerleave comes), a clicked one stays", async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  // A classic script runs before the module that defines the element: own properties, then.
  await openArticle(p, s, 'section { width: 700px }', `<section id="list"><p id="other">other</p></section><script>
    const el = document.createElement('zhibiao-chart');
    el.id = 'x';
    el.chart = 'nev';
    el.focusPoint = 'nev_sales_growth';
    document.getElementById('list').prepend(el);
    // A point set and then taken away (null), before the element is defined.
    const other = document.createElement('zhibiao-chart');
    other.id = 'y';
    other.chart = '5g';
    other.focusPoint = 'bs_5g_total';
    other.focusPoint = null;
    document.getElementById('list').append(other);
  </script>`);
  await ready(p, 'nev');
  await ready(p, '5g');
  // (And no own property left over from before, which would hide the setter from then on.)
  assert.deepEqual(await p.locator('#y').evaluate((el) => [el.getAttribute('chart'), el.hasAttribute('focus-point'), el.focusPoint, Object.hasOwn(el, 'focusPoint')]), ['5g', false, null, false]);
  const chart = p.locator('#x');
  assert.deepEqual([await chart.getAttribute('chart'), await chart.getAttribute('focus-point')], ['nev', 'nev_sales_growth']);
  assert.deepEqual(await chart.evaluate((el) => [el.chart, el.focusPoint]), ['nev', 'nev_sales_growth']);
  await p.waitForFunction(MARKERS_SHOWN, await chart.elementHandle());
  // Once defined: the setters.
  await chart.evaluate((el) => { el.focusPoint = undefined; el.chart = 'growth'; });
  await ready(p, 'growth');
  assert.equal(await chart.getAttribute('focus-point'), null);
  assert.match(await chart.locator('canvas[role=application]').getAttribute('aria-label'), /主要指标同比增长/);
  // And null, once defined.
  await chart.evaluate((el) => { el.focusPoint = 'industry_value_added_growth'; });
  await p.waitForFunction(MARKERS_SHOWN, await chart.elementHandle());
  await chart.evaluate((el) => { el.focusPoint = null; });
  assert.equal(await chart.getAttribute('focus-point'), null);
  await p.waitForFunction((el) => [...el.shadowRoot.querySelectorAll('.marker')].every((m) => m.hidden), await chart.elementHandle());
  // A keyed list reordered, in one task, with the mouse over a bar: the card goes.
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await p.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(p, chart, '44.1%');
  const reorder = () => p.evaluate(() => {
    const list = document.getElementById('list');
    list.append(document.getElementById('x'));
    list.prepend(document.getElementById('x'));
  });
  await reorder();
  await chart.locator('.tip.shown').waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  assert.equal(await chart.locator('.tip.shown').count(), 0, "the mouse's card is gone");
  // Clicked, the card stays across the same reorder.
  await p.mouse.move(box.x + bar.x, box.y + bar.y + 1);
  await tipShows(p, chart, '44.1%');
  await p.mouse.click(box.x + bar.x, box.y + bar.y + 1);
  await reorder();
  await p.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 50)));
  assert.equal(await chart.locator('.tip.shown .value').textContent(), '44.1%', 'the clicked card stays');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('what frameworks do to a chart: taken out and put back after an await, changed while out, reordered after a change of the language it inherits, lang set to undefined as a property', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  await openArticle(p, s, 'section { width: 700px }', '<section id="list"><div id="s1"><zhibiao-chart id="x" chart="nev"></zhibiao-chart></div><p id="other">other</p></section>');
  await ready(p, 'nev');
  const chart = p.locator('#x');
  const settle = () => p.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 50)));
  const table = () => chart.evaluate((el) => el.shadowRoot.querySelector('[aria-pressed]').getAttribute('aria-pressed'));
  const label = () => chart.evaluate((el) => el.shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  await chart.getByRole('button', { name: /^表格/ }).click();
  await p.evaluate(() => { window.__ready = []; });
  // Out and back in across an await (a framework's tick), in one task.
  await p.evaluate(async () => {
    const s1 = document.getElementById('s1');
    s1.remove();
    await Promise.resolve();
    document.getElementById('list').append(s1);
  });
  await settle();
  assert.equal(await table(), 'true', 'the table stayed open');
  assert.deepEqual(await p.evaluate(() => window.__ready), [], 'not drawn again');
  // The list goes English, the chart changes: English growth, read where it stands.
  await p.evaluate(() => { document.getElementById('list').lang = 'en'; document.getElementById('x').setAttribute('chart', 'growth'); });
  await ready(p, 'growth');
  assert.match(await label(), /^Year-on-year growth/);
  // Reordered after that (no language changed): the table opened since stays open.
  await chart.getByRole('button', { name: /^Table/ }).click();
  await p.evaluate(() => { window.__ready = []; });
  await p.evaluate(() => document.getElementById('list').insertBefore(document.getElementById('other'), document.getElementById('s1')));
  await p.evaluate(() => document.getElementById('list').insertBefore(document.getElementById('s1'), document.getElementById('other')));
  await settle();
  assert.equal(await table(), 'true', 'the table stayed open across the reorder');
  // Taken out, changed while out (where it inherits no language), put back: it speaks the
  // language around it again.
  await p.evaluate(() => {
    const s1 = document.getElementById('s1');
    s1.remove();
    s1.querySelector('zhibiao-chart').setAttribute('chart', 'nev');
    document.getElementById('list').append(s1);
  });
  await ready(p, 'nev');
  await settle();
  assert.match(await label(), /^New energy vehicle/);
  // React 19 sets lang as a property: undefined after a language means none of its own.
  await p.evaluate(() => { document.getElementById('x').lang = 'zh'; });
  await settle();
  assert.match(await label(), /^新能源汽车/);
  await p.evaluate(() => { document.getElementById('x').lang = undefined; });
  await settle();
  assert.equal(await chart.getAttribute('lang'), null);
  assert.match(await label(), /^New energy vehicle/);
  assert.equal(await chart.evaluate((el) => el.shadowRoot.querySelector('.message')?.hidden ?? true), true, 'no message');
  // The same chart and language written otherwise (a framework's own casing, a region): the
  // table opened stays open, and nothing is drawn again.
  await chart.getByRole('button', { name: /^Table/ }).click();
  await p.evaluate(() => { window.__ready = []; const x = document.getElementById('x'); x.setAttribute('chart', 'NEV'); x.setAttribute('lang', 'en-GB'); });
  await settle();
  assert.equal(await table(), 'true', 'the table stayed open');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('React 19 setting lang to null or undefined before zhibiao has defined the element (HTMLElement writes "null", "undefined"): no language of its own, as after', async () => {
  // A framework whose bundle runs before zhibiao's module: HTMLElement's setter writes the value
  // as an attribute, which the chart then finds when the element is defined.
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  await openArticle(p, s, '', '<article lang="en"><zhibiao-chart id="n" chart="nev"></zhibiao-chart><zhibiao-chart id="u" chart="growth"></zhibiao-chart></article>' +
    '<script>document.getElementById("n").lang = null; document.getElementById("u").lang = undefined; window.__written = [document.getElementById("n").getAttribute("lang"), document.getElementById("u").getAttribute("lang")];</script>');
  assert.deepEqual(await p.evaluate(() => window.__written), ['null', 'undefined'], 'the attributes as HTMLElement wrote them');
  await ready(p, 'nev');
  await ready(p, 'growth');
  const seen = await p.evaluate(() => [...document.querySelectorAll('zhibiao-chart')].map((el) => [el.getAttribute('lang'), el.shadowRoot.querySelector('canvas').getAttribute('aria-label')?.slice(0, 20), el.shadowRoot.querySelector('.message')?.hidden ?? true]));
  assert.deepEqual(seen, [[null, 'New energy vehicle (', true], [null, 'Year-on-year growth ', true]], 'each in the English around it, with no message');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('a chart in a container the page shows (a modal dialog, a tab) is drawn for the frame after, not two frames later', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  // Charts never shown yet, each in its own container (one shown before is drawn already).
  const trials = [0, 1, 2, 3, 4, 5];
  await openArticle(p, s, 'dialog { width: 760px } .tab { display: none }', trials.map((i) =>
    `<dialog id="d${i}"><zhibiao-chart chart="nev" lang="en"></zhibiao-chart></dialog><div class="tab" id="t${i}"><zhibiao-chart chart="growth"></zhibiao-chart></div>`).join(''));
  await p.waitForFunction(() => customElements.get('zhibiao-chart'));
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The animation frame whose callbacks first see the chart drawn: the first frame lays out the
  // shown container and paints it before the chart is drawn; the second draws it, so the third's
  // callbacks see it. (The intersection observer, which said the chart was hidden, tells
  // otherwise only after a frame is painted: waiting for it took a frame more, now and then.)
  const frames = (id) => p.evaluate(async (id) => {
    const container = document.getElementById(id);
    const el = container.querySelector('zhibiao-chart');
    let drawn = false;
    el.addEventListener('chart-ready', () => { drawn = true; }, { once: true });
    if (container.localName === 'dialog') container.showModal();
    else container.style.display = 'block';
    let frame = 1;
    for (; frame <= 10; frame += 1) {
      await new Promise((r) => requestAnimationFrame(r));
      if (drawn) break;
    }
    if (container.localName === 'dialog') container.close();
    else container.style.display = 'none';
    return drawn ? frame : null;
  }, id);
  const found = [];
  for (const i of trials) found.push(await frames(`d${i}`), await frames(`t${i}`));
  assert.deepEqual(found, found.map(() => 3));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a mouse reader who clicks a bar keeps its card on the way to Copy link, and the link names it; hovering alone names no point', async () => {
  const s = await server(DIST);
  const { context, page: p } = await page();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
  await p.goto(`${s.url}/index.html#nev`);
  await ready(p, 'nev');
  const chart = p.locator('#panel-nev zhibiao-chart');
  const shown = () => chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null);
  const cardShows = (value) => tipShows(p, chart, value);
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await chart.locator('canvas[role=application]').boundingBox();
  const button = chart.getByRole('button', { name: '复制链接' });
  // The mouse leaves the chart: with no point clicked the card goes, and the link names no point.
  const leaveForTheButton = async () => {
    await p.mouse.move(5, 5);
    await cardShows(null);
    await clearClipboard(p);
    await button.click();
    await clipboardHolds(p, `${s.url}/index.html#nev`);
  };
  // Hover only: the card goes when the pointer leaves for the button, and the link names no point.
  await p.mouse.move(box.x + bar.x, box.y + bar.y);
  await cardShows('42.4%');
  await button.click();
  await clipboardHolds(p, `${s.url}/index.html#nev`);
  assert.equal(await shown(), null, 'the hover card went with the pointer');
  // A click on the bar pins its card: it stays on the way to the button, and the link names it.
  await p.mouse.click(box.x + bar.x, box.y + bar.y);
  await button.click();
  await clipboardHolds(p, `${s.url}/index.html#nev/nev_production_growth`);
  assert.equal(await shown(), '42.4%', 'the clicked card stayed');
  // A second click on the bar lets go of it: leaving then takes the card away, and the link no
  // longer names it.
  await p.mouse.click(box.x + bar.x, box.y + bar.y);
  await leaveForTheButton();
  // So does a click on no point (the title's corner) after a click on the bar.
  await p.mouse.click(box.x + bar.x, box.y + bar.y);
  await p.mouse.click(box.x + 3, box.y + 3);
  await clearClipboard(p); // the link copied last named no point either
  await button.click();
  await clipboardHolds(p, `${s.url}/index.html#nev`);
  // Pinned, the mouse over another bar shows that one on its way down to the button; past it,
  // the clicked card comes back, and the link names the clicked point.
  await p.mouse.click(box.x + bar.x, box.y + bar.y);
  await p.mouse.move(box.x + bar.x, box.y + bar.y + 30);
  await cardShows('44.1%');
  await button.hover();
  await cardShows('42.4%');
  await button.click();
  await clipboardHolds(p, `${s.url}/index.html#nev/nev_production_growth`);
  // A press outside the chart lets go.
  await p.mouse.click(5, 5);
  await cardShows(null);
  // A second click lets go even when the mouse crossed another bar between the two clicks.
  await p.mouse.click(box.x + bar.x, box.y + bar.y);
  await p.mouse.move(box.x + bar.x, box.y + bar.y + 30);
  await cardShows('44.1%');
  await p.mouse.move(box.x + bar.x, box.y + bar.y);
  await cardShows('42.4%');
  await p.mouse.click(box.x + bar.x, box.y + bar.y);
  await leaveForTheButton();
  // A click is on a point of the chart shown: another chart in its place has no point clicked.
  await p.mouse.click(box.x + bar.x, box.y + bar.y);
  await chart.evaluate((el) => { window.__ready = []; el.setAttribute('chart', 'growth'); });
  await ready(p, 'growth');
  await p.mouse.move(box.x + 3, box.y + 3);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  assert.equal(await shown(), null, 'no card pinned on the growth chart');
  await context.close();
});

test('keys start from the first point of a chart put in place of another, not from where they were on the old one', async () => {
  const s = await server(DIST);
  const { context, page: p } = await page();
  await p.goto(`${s.url}/index.html#nev`);
  await ready(p, 'nev');
  const chart = p.locator('#panel-nev zhibiao-chart');
  const cardShows = (value) => tipShows(p, chart, value);
  const canvas = chart.locator('canvas[role=application]');
  // The first point of the growth chart, as Home reaches it.
  await chart.evaluate((el) => { window.__ready = []; el.setAttribute('chart', 'growth'); });
  await ready(p, 'growth');
  await canvas.focus();
  await p.keyboard.press('Home');
  const first = await chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown .value')?.textContent);
  assert.ok(first, 'Home shows the first point');
  // Back to the NEV chart; End reaches its last point, then Escape closes its card.
  await chart.evaluate((el) => { window.__ready = []; el.setAttribute('chart', 'nev'); });
  await ready(p, 'nev');
  await canvas.focus();
  await p.keyboard.press('End');
  await p.keyboard.press('Escape');
  await cardShows(null);
  // The growth chart in its place: the first arrow goes to its first point.
  await chart.evaluate((el) => { window.__ready = []; el.setAttribute('chart', 'growth'); });
  await ready(p, 'growth');
  await canvas.focus();
  await p.keyboard.press('ArrowRight');
  await cardShows(first);
  await context.close();
});

test("on a short chart a card goes brief, without its quote, rather than cover its own bar's end and figure; with room it keeps the quote", async () => {
  // The card of the focused point, whether its quote shows, and whether it covers its bar's end
  // or the figure after it: the highlighted bar's end, then the ink after it on the canvas, up to
  // a gap of 12 px.
  const ownCovered = (el) => {
    const { canvas, context } = window.__shown(el);
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    const bar = [...el.shadowRoot.querySelectorAll('.marker')].find((m) => !m.hidden).getBoundingClientRect();
    const { data, width } = context.getImageData(0, 0, canvas.width, canvas.height);
    const background = [...data.slice(0, 3)];
    const row = Math.round((bar.top + bar.height / 2 - box.top) * scale);
    const ink = (x) => {
      for (let y = row - 4 * scale; y <= row + 4 * scale; y += 1) {
        const i = (y * width + x) * 4;
        if (Math.abs(data[i] - background[0]) + Math.abs(data[i + 1] - background[1]) + Math.abs(data[i + 2] - background[2]) > 200) return true;
      }
      return false;
    };
    let figureEnd = Math.round((bar.right - box.left) * scale);
    for (let x = figureEnd + 1; x < width && x - figureEnd < 12 * scale; x += 1) if (ink(x)) figureEnd = x;
    const card = el.shadowRoot.querySelector('.tip.shown');
    const c = card.getBoundingClientRect();
    const [left, right] = [bar.right - 2, box.left + figureEnd / scale];
    const covers = c.left < right && c.right > left && c.top < bar.bottom && c.bottom > bar.top;
    return { covers, figure: right - bar.right, quote: card.querySelector('.quote')?.offsetHeight > 0, value: card.querySelector('.value').textContent };
  };
  const s = await server(DIST);
  for (const [width, key, value, brief] of [[700, 'End', '3.8%', true], [390, 'ArrowDown', '44.1%', true], [1000, 'End', '3.8%', false]]) {
    const { context, page: p, log } = await page({ viewport: { width, height: 700 } });
    await p.goto(`${s.url}/embed.html?chart=nev&lang=en`);
    await ready(p, 'nev');
    const chart = p.locator('zhibiao-chart');
    // By the keys: Home is the first point, ArrowDown the second, End the last.
    await chart.locator('canvas[role=application]').focus();
    await p.keyboard.press('Home');
    await p.keyboard.press(key);
    await p.waitForFunction((v) => document.querySelector('zhibiao-chart').shadowRoot.querySelector('.tip.shown .value')?.textContent === v, value);
    const seen = await chart.evaluate(ownCovered);
    assert.ok(seen.figure > 15, `${width}: the figure after the bar is found (${seen.figure} px)`);
    assert.equal(seen.covers, false, `${width}: the ${value} card covers its bar's end or figure`);
    assert.equal(seen.quote, !brief, `${width}: the ${value} card ${brief ? 'goes brief' : 'keeps its quote'}`);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});

test("a copied link to the growth chart's second H1 2023 bar reopens that bar, not the first panel's", async () => {
  const s = await server(DIST);
  const { context, page: p } = await page();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
  await p.goto(`${s.url}/index.html#growth`);
  await ready(p, 'growth');
  const chart = p.locator('#panel-growth zhibiao-chart');
  // The last point in keyboard order is H1 2023 in the second panel; the first panel shows it too.
  await chart.locator('canvas[role=application]').focus();
  await p.keyboard.press('End');
  await chart.getByRole('button', { name: '复制链接' }).focus();
  await p.keyboard.press('Enter');
  const link = `${s.url}/index.html#growth/industry_value_added_growth@2`;
  await clipboardHolds(p, link);
  // Where each link puts the highlight: the bar's marker, lower down for the second panel's bar.
  const markerTop = async (url) => {
    await p.goto('about:blank');
    await p.goto(url);
    await ready(p, 'growth');
    await p.waitForFunction(() => [...document.querySelector('#panel-growth zhibiao-chart').shadowRoot.querySelectorAll('.marker')].some((m) => !m.hidden));
    return chart.evaluate((el) => Math.min(...[...el.shadowRoot.querySelectorAll('.marker')].filter((m) => !m.hidden).map((m) => m.getBoundingClientRect().top)));
  };
  const first = await markerTop(`${s.url}/index.html#growth/industry_value_added_growth`);
  const second = await markerTop(link);
  assert.ok(second > first + 40, `the second panel's bar (marker at ${second} px) is below the first panel's (${first} px)`);
  assert.equal(await chart.evaluate((el) => el.getAttribute('focus-point')), 'industry_value_added_growth@2');
  await context.close();
});

test('without a clipboard (a page on plain http), copy link gives the link instead, and nothing fails', async () => {
  const s = await server(DIST);
  // Wide enough for the message to sit beside the buttons, too narrow for it to take one line.
  const { context, page: p, log } = await page({ viewport: { width: 700, height: 900 } });
  await p.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined }));
  await p.goto(`${s.url}/index.html#nev`);
  await ready(p, 'nev');
  const chart = p.locator('#panel-nev zhibiao-chart');
  await chart.getByRole('button', { name: '复制链接' }).click();
  // On screen, the message stays (no fade), with the link in a field named by the message, which
  // has the focus with the link selected: one keystroke copies it. Focused, it says it all: the
  // live region says nothing besides.
  const said = chart.locator('.said');
  const field = chart.getByRole('textbox', { name: '无法访问剪贴板，链接为：' });
  await field.waitFor();
  assert.equal(await field.inputValue(), `${s.url}/index.html#nev`);
  assert.equal(await chart.locator('[role=status]').textContent(), '');
  assert.ok(await said.isVisible() && await field.isVisible(), 'the reader sees the link');
  assert.deepEqual(await field.evaluate((input) => [input.readOnly, input.getRootNode().activeElement === input,
    input.selectionStart, input.selectionEnd, input.value.length, input.parentElement.getAnimations().length]),
    [true, true, 0, `${s.url}/index.html#nev`.length, `${s.url}/index.html#nev`.length, 0]);
  const [saidBox, buttonBox] = [await said.boundingBox(), await chart.getByRole('button', { name: '复制链接' }).boundingBox()];
  assert.ok(saidBox.x > buttonBox.x + buttonBox.width && saidBox.height > buttonBox.height && buttonBox.height < 40,
    `beside the buttons, which keep their height: ${JSON.stringify({ saidBox, buttonBox })}`);
  assert.equal(await chart.locator('.crash').count(), 0, 'no error state');
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("the widget's one animation, \"Link copied\" fading after a moment, is instant for a reader who asks for reduced motion", async () => {
  const s = await server(DIST);
  for (const [reducedMotion, duration] of [['no-preference', '0.3s'], ['reduce', '0s']]) {
    const { context, page: p } = await page({ reducedMotion });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
    await p.goto(`${s.url}/index.html#nev`);
    await ready(p, 'nev');
    const chart = p.locator('#panel-nev zhibiao-chart');
    await chart.getByRole('button', { name: '复制链接' }).click();
    const note = chart.locator('.said > .copied');
    await note.waitFor({ state: 'attached' });
    // Gone after the same moment either way (the delay is not motion).
    assert.deepEqual(await note.evaluate((el) => [getComputedStyle(el).animationName, getComputedStyle(el).animationDuration,
      getComputedStyle(el).animationDelay]), ['zb-fade', duration, '2.5s'], reducedMotion);
    // No other animation runs in the widget.
    assert.equal(await chart.evaluate((el) => el.shadowRoot.getAnimations().length), 1, reducedMotion);
    // And then it is gone, from the toolbar and the live region, without fading too.
    await p.waitForFunction((el) => getComputedStyle(el.shadowRoot.querySelector('.said')).display === 'none',
      await chart.elementHandle(), { timeout: 6000 });
    assert.equal(await chart.locator('[role=status]').textContent(), '', reducedMotion);
    await context.close();
  }
});

test('in a cross-origin iframe, copy link copies where the frame allows clipboard-write (as the README\'s snippet does), and gives the link where it does not', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The article on another origin (localhost) than the embed (127.0.0.1), each a secure context.
  await p.goto(`${s.url.replace('127.0.0.1', 'localhost')}/tests/e2e/fixtures/parent.html`);
  await p.evaluate((url) => {
    for (const [id, chart, allow] of [['with', 'nev', 'clipboard-write'], ['without', '5g', '']]) {
      const frame = Object.assign(document.createElement('iframe'), { id, allow, src: `${url}/dist/embed.html?chart=${chart}&lang=en` });
      frame.style.cssText = 'width: 100%; height: 600px; border: 0';
      document.body.append(frame);
    }
  }, s.url);
  const said = async (id) => {
    const frame = p.frameLocator(`#${id}`);
    await frame.getByRole('button', { name: 'Copy link' }).click();
    await frame.locator('zhibiao-chart .said > *').waitFor();
    return frame.locator('zhibiao-chart .said').textContent();
  };
  assert.equal(await said('with'), 'Link copied');
  await clipboardHolds(p, `${s.url}/dist/embed.html?chart=nev&lang=en#nev`);
  assert.equal(await said('without'), 'Could not copy; the link is: ');
  assert.equal(await p.frameLocator('#without').getByRole('textbox', { name: 'Could not copy; the link is:' }).inputValue(), `${s.url}/dist/embed.html?chart=5g&lang=en#5g`);
  // The focused field, labelled by the words, says it all: the live region says nothing besides
  // (a screen reader would read the words and the link twice).
  assert.equal(await p.frameLocator('#without').locator('zhibiao-chart [role=status]').textContent(), '');
  assert.equal(await p.frameLocator('#with').locator('zhibiao-chart [role=status]').textContent(), 'Link copied');
  await clipboardHolds(p, `${s.url}/dist/embed.html?chart=nev&lang=en#nev`);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the table toggle shows the same data as the canvas, and print hides the buttons', async () => {
  const s = await server(DIST);
  const { context, page: p } = await page();
  await p.goto(`${s.url}/index.html#nev`);
  await ready(p, 'nev');
  const chart = p.locator('#panel-nev zhibiao-chart');
  const toggle = chart.getByRole('button', { name: '表格' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const foot = () => toggle.evaluate((b) => { const s = getComputedStyle(b); return [s.borderBottomWidth, s.borderBottomColor, b.getBoundingClientRect().height]; });
  const [, , height] = await foot();
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  // Pressed: a bar in the accent colour along its foot, not a tint alone (1.2:1 against the ground).
  assert.deepEqual(await foot(), ['3px', 'rgb(0, 114, 178)', height], 'the same size');
  // Each group's heading row, then its rows: the bars, then the figure the note under them states.
  const cells = await chart.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].slice(0, 2).map((c) => c.textContent)));
  assert.deepEqual(cells, [['各项指标'], ['新能源汽车产量增速', '42.4%'], ['新能源汽车销量增速', '44.1%'], ['规模以上工业增加值增速（参照）', '3.8%'], ['注'], ['新能源汽车产销量连续保持全球第一', '8年']]);
  // What the chart shows, point by point (the keys' cards), is the table's rows of bars.
  await chart.locator('canvas[role=application]').focus();
  const shown = [];
  for (const key of ['Home', 'ArrowDown', 'ArrowDown']) {
    await p.keyboard.press(key);
    shown.push(await chart.evaluate((el) => ['.label', '.value'].map((part) => el.shadowRoot.querySelector(`.tip.shown ${part}`)?.textContent ?? null)));
  }
  // The card names each as the table does, as the row's label on the canvas: the grey row "for
  // reference".
  assert.deepEqual(shown, cells.slice(1, 4));
  // The description, with the source line the canvas shows, then the keys (the canvas is an
  // application, which says nothing of them), which describe the canvas too.
  assert.equal(await chart.locator('#desc').textContent(), '2023年上半年，新能源汽车产销同比分别增长42.4%和44.1%；同期规模以上工业增加值同比增长3.8%。新能源汽车产销量连续8年保持全球第一。来源：国新办新闻发布会（工业和信息化部），2023年7月19日。');
  assert.equal(await chart.locator('#keys').textContent(), '用方向键逐项查看。');
  assert.equal(await p.locator('#panel-nev zhibiao-chart canvas[role=application]').getAttribute('aria-describedby'), 'keys');
  await p.emulateMedia({ media: 'print' });
  assert.equal(await chart.locator('.toolbar').evaluate((el) => getComputedStyle(el).display), 'none');
  await context.close();
});

test('axe-core finds no accessibility violations on the page', async () => {
  const s = await server(DIST);
  for (const colorScheme of ['light', 'dark']) {
    const { context, page: p } = await page({ colorScheme });
    await p.goto(`${s.url}/index.html`);
    for (const chart of ['growth', '5g', 'nev']) {
      await p.click(`#tab-${chart}`);
      await ready(p, chart);
      await p.locator(`#panel-${chart} zhibiao-chart`).getByRole('button', { name: '表格' }).click();
      await p.evaluate(AXE);
      const violations = await p.evaluate(async () => (await window.axe.run(document)).violations
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
      assert.deepEqual(violations, [], `${chart}, ${colorScheme}`);
    }
    await context.close();
  }
});

test('a chart\'s title is a heading one level below the page\'s heading before it, for screen readers; none on a page without headings, none while a message stands in', async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  await p.route('**/headings.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>headings</title><link rel="icon" href="data:,">' +
    '<div id="bare"><zhibiao-chart chart="nev"></zhibiao-chart></div>' +
    '<h1>Article</h1><section><h3>Part</h3><p>Text</p><div><zhibiao-chart id="deep" chart="nev" lang="en"></zhibiao-chart></div></section>' +
    '<h6>Small print</h6><zhibiao-chart id="floor" chart="5g"></zhibiao-chart>' +
    '<h2>Aside</h2><div id="card"></div>' +
    // A heading inside a sibling before it (the section's, not the article's) and one of role heading.
    '<section><h4>Section</h4><p>Text</p></section><div><zhibiao-chart chart="nev" lang="en"></zhibiao-chart></div>' +
    '<div role="heading" aria-level="4">Role</div><zhibiao-chart chart="5g" lang="en"></zhibiao-chart>' +
    // A level that is none: a heading of role heading is at level 2.
    '<div role="heading" aria-level="x">No level</div><zhibiao-chart chart="growth" lang="en"></zhibiao-chart>' +
    '<script type="module" src="/dist/zhibiao.js"></script>' }));
  await p.goto(`${s.url}/headings.html`);
  // In another component's shadow root, after the h2 outside it.
  await p.evaluate(() => { document.getElementById('card').attachShadow({ mode: 'open' }).innerHTML = '<zhibiao-chart chart="growth"></zhibiao-chart>'; });
  await ready(p, 'nev');
  // The headings a screen reader lists, with their levels, from the accessibility tree (charts
  // below the fold are not drawn yet, but their titles are there).
  const headings = async () => (await p.locator('body').ariaSnapshot()).split('\n').filter((line) => /^\s*- heading /.test(line)).map((line) => line.trim());
  assert.deepEqual(await headings(), [
    '- heading "Article" [level=1]',
    '- heading "Part" [level=3]',
    '- heading "New energy vehicle (NEV) production and sales growth, H1 2023" [level=4]', // (the snapshot writes its no-break space as a space)
    '- heading "Small print" [level=6]',
    '- heading "5G与网络发展（截至2023年6月底）" [level=6]',
    '- heading "Aside" [level=2]',
    '- heading "2023年上半年主要指标同比增长" [level=3]',
    '- heading "Section" [level=4]',
    '- heading "New energy vehicle (NEV) production and sales growth, H1 2023" [level=5]',
    '- heading "Role" [level=4]',
    '- heading "5G and network development in China at the end of June 2023" [level=5]',
    '- heading "No level"', // (the snapshot gives no level where the page's is not one; screen readers say 2)
    '- heading "Year-on-year growth of key indicators, H1 2023" [level=3]',
  ], 'the first chart, with no heading before it, has none');
  // It follows the chart's language, and a message standing in for the chart has no heading.
  await p.locator('#deep').evaluate((el) => el.setAttribute('lang', 'zh'));
  await p.locator('#floor').evaluate((el) => el.setAttribute('chart', 'pie'));
  await p.locator('#floor .message').waitFor();
  const now = await headings();
  assert.ok(now.includes('- heading "新能源汽车产销同比增长（2023年上半年）" [level=4]'), now.join('\n'));
  assert.ok(!now.some((h) => h.includes('[level=6]') && !h.includes('Small print')), now.join('\n'));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('pkg/ is an npm package a bundler-free page can import', async () => {
  // A page that imports wasm-pack's output as it is, by its module entry: the charts draw.
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  await p.route('**/pkg-page.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>pkg</title><link rel="icon" href="data:,">' +
    '<zhibiao-chart chart="nev" lang="en"></zhibiao-chart>' +
    '<script type="module">import init from "/pkg/zhibiao.js"; await init();</script>' }));
  await p.goto(`${s.url}/pkg-page.html`);
  await ready(p, 'nev');
  // Drawn: the canvas, or the view that takes over from it once painted, holds the chart.
  assert.ok(await p.locator('zhibiao-chart').evaluate((el) => [...el.shadowRoot.querySelectorAll('canvas')].some((c) => c.width > 0)), 'drawn');
  assert.deepEqual([...log.pageErrors, ...log.consoleErrors], []);
  await context.close();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'zhibiao');
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.module, 'zhibiao.js');
  assert.equal(pkg.types, 'zhibiao.d.ts');
  for (const file of ['zhibiao.js', 'zhibiao_bg.wasm', 'zhibiao.d.ts', 'snippets']) assert.ok(pkg.files.includes(file), file);
  for (const file of [pkg.module, pkg.types, 'zhibiao_bg.wasm']) readFileSync(join(ROOT, 'pkg', file));
});

test("pkg/, unbundled, restarts a failed chart, also where a dev server adds a query to element.js's URL (Vite's ?v=)", async () => {
  const s = await server(ROOT);
  const { context, page: p, log } = await page();
  const [hash] = readdirSync(join(ROOT, 'pkg', 'snippets'));
  const element = `/pkg/snippets/${hash}/src/web/element.js`;
  // The import map does what the dev server does: the glue's import of element.js gets a query.
  await p.route('**/pkg-restart.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>pkg</title><link rel="icon" href="data:,">' +
    `<script type="importmap">${JSON.stringify({ imports: { [element]: `${element}?v=2ff47d85` } })}</script>` +
    '<zhibiao-chart chart="nev"></zhibiao-chart>' +
    '<script type="module">import init from "/pkg/zhibiao.js"; await init();</script>' }));
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(`${s.url}/pkg-restart.html`);
  await ready(p, 'nev');
  assert.ok(requests.some((url) => url.endsWith(`${element}?v=2ff47d85`)), requests.join('\n'));
  // A failure inside the wasm.
  const { chart } = await failOnHover(p, p.locator('zhibiao-chart'));
  await chart.locator('.crash').waitFor();
  await p.evaluate(() => Object.defineProperty(HTMLElement.prototype, 'offsetWidth', window.__offsetWidth));
  await ready(p, 'nev');
  assert.equal(requests.filter((url) => new URL(url).searchParams.has('restart')).length, 1, 'one restart');
  assert.equal(await chart.locator('.crash').count(), 0, 'the chart is back');
  assert.ok(log.consoleErrors.every((e) => !e.includes('restart failed') && !e.includes('already defined')), log.consoleErrors.join('\n'));
  await context.close();
});

test("pkg/'s types give TypeScript the element and its chart-ready event", () => {
  // A module as a bundling newsroom would write it, checked strictly against pkg/zhibiao.d.ts.
  // `@ts-expect-error` marks what must not type-check: unused, it is an error itself.
  const dir = join(ROOT, 'target', 'ts-check');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'embed.ts');
  writeFileSync(file, `import init, { type ZhibiaoChartElement, type ZhibiaoChartId, type ZhibiaoChartReadyDetail } from '../../pkg/zhibiao.js';
await init();
// A ZhibiaoChartElement by its tag (an Element otherwise, which has no focus(), no chart-ready
// and no chart or focusPoint).
const chart = document.querySelector('zhibiao-chart');
const typed: ZhibiaoChartElement | null = chart;
const named: string | null | undefined = chart?.chart;
const pointed: string | null | undefined = chart?.focusPoint;
console.log(typed, named, pointed);
chart?.focus();
document.createElement('zhibiao-chart').setAttribute('chart', 'nev');
// Its properties, as a framework sets them.
const made = document.createElement('zhibiao-chart');
made.chart = 'nev';
made.focusPoint = null;
made.focusPoint = undefined;
const shown: string | null = made.chart;
console.log(shown);
// @ts-expect-error: a chart is named by a string
made.chart = 5;
chart?.addEventListener('chart-ready', (e) => {
  const id: ZhibiaoChartId = e.detail.chart;
  const title: string = e.detail.title;
  console.log(id, title);
});
document.addEventListener('chart-ready', (e) => {
  const detail: ZhibiaoChartReadyDetail = e.detail;
  // @ts-expect-error: no chart is called pie
  if (detail.chart === 'pie') console.log(detail);
  // @ts-expect-error: the detail is read-only
  detail.title = '';
});
`);
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [],
  });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? `${basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  assert.deepEqual(errors, []);
});

/** The functions of the minified glue's import object (`{__proto__:null,a0:function(…){…},…}`),
 * each without its name. */
function importFunctions(glue) {
  const start = glue.indexOf('{__proto__:null,') + '{__proto__:null,'.length;
  assert.ok(start > 20, 'the glue has an import object');
  const bodies = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < glue.length; i += 1) {
    const c = glue[i];
    if (c === '{' || c === '(' || c === '[') depth += 1;
    else if ((c === '}' || c === ')' || c === ']') && depth-- === 0) {
      bodies.push(glue.slice(from, i));
      break;
    } else if (c === ',' && depth === 0) {
      bodies.push(glue.slice(from, i));
      from = i + 1;
    }
  }
  return bodies.map((entry) => entry.slice(entry.indexOf(':') + 1));
}

test("dist's wasm and glue call each other by short names, and the glue supplies every import", async () => {
  const wasm = new WebAssembly.Module(readFileSync(join(DIST, 'pkg', 'zhibiao_bg.wasm')));
  const glue = readFileSync(join(DIST, 'pkg', 'zhibiao.js'), 'utf8');
  const imports = WebAssembly.Module.imports(wasm).filter((i) => i.module === './zhibiao_bg.js');
  assert.ok(imports.length > 50, `${imports.length} imports from the glue`);
  for (const { name } of imports) {
    assert.ok(name.length <= 4, `import ${name} was not shortened`);
    assert.match(glue, new RegExp(`[{,]${name}:`), `the glue does not supply ${name}`);
  }
  // Functions written the same (web-sys's `width` of five interfaces) are shipped once, and the
  // wasm imports that one under each of their names.
  const bodies = importFunctions(glue);
  assert.ok(bodies.length > 50, `${bodies.length} import functions in the glue`);
  const copies = bodies.filter((body, i) => bodies.indexOf(body) !== i);
  assert.deepEqual(copies, [], 'the glue writes no import function twice');
  assert.ok(new Set(imports.map((i) => i.name)).size < imports.length, 'the wasm imports a merged function under one name');
  const names = WebAssembly.Module.exports(wasm).map((e) => e.name);
  for (const kept of ['memory', 'start']) assert.ok(names.includes(kept), kept);
  // wasm-bindgen's own exports that the glue calls are renamed too.
  const glueNamed = names.filter((n) => OWNED_EXPORT.test(n) && token(n).test(glue));
  assert.deepEqual(glueNamed, []);
  assert.ok(names.filter((n) => n.length <= 3).length >= 8, `exports: ${names}`);
  // pkg/ (the npm package) keeps wasm-bindgen's names.
  assert.ok(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(ROOT, 'pkg', 'zhibiao_bg.wasm')))).some((i) => i.name.startsWith('__wbg_')));
});

/** The distinct function indices a wasm exports, and those among them equal modulo 128. */
function exportSlots(wasm) {
  const indices = [...new Set(Object.values(exportedFunctionIndices(wasm)))];
  return { indices, clashes: indices.filter((i, n) => indices.findIndex((j) => j % CACHE_ENTRIES === i % CACHE_ENTRIES) !== n) };
}

test("dist's wasm exports no two functions whose indices are equal modulo 128 (V8 names each by its index through a cache that then grows by 64 KB of JS heap); a moved export calls the same function", () => {
  const html = readFileSync(join(DIST, 'zhibiao-standalone.html'), 'utf8');
  const inlined = html.match(/atob\("([A-Za-z0-9+/=]+)"\)/)?.[1];
  assert.ok(inlined, 'the self-contained HTML inlines the wasm as base64');
  for (const wasm of [readFileSync(join(DIST, 'pkg', 'zhibiao_bg.wasm')), Buffer.from(inlined, 'base64')]) {
    const { indices, clashes } = exportSlots(wasm);
    assert.ok(indices.length >= 8, `${indices.length} exported functions`);
    assert.deepEqual(clashes, [], `exported function indices ${indices.join(', ')}`);
  }
  // A module importing one function (index 0) and defining 140, each adding its own index to its
  // argument (type 1; type 0 is unused), with an exported memory: `a` is function 2, `b` and `c`
  // function 130 (≡ 2 modulo 128), `d` 5 and `e` 13. b's thunk, appended at 141 (≡ 13), collides
  // with e, which is moved too, to 142. Indices past 127 take two bytes.
  const section = (id, body) => [id, ...leb(body.length), ...body];
  const vec = (items) => [...leb(items.length), ...items.flat()];
  const sleb = (v) => (v < 64 ? [v] : [0x80 | (v & 0x7f), v >> 7]);
  const count = 140;
  const bodies = Array.from({ length: count }, (_, i) => [0x00, 0x20, 0x00, 0x41, ...sleb(i + 1), 0x6a, 0x0b]);
  const exported = [['a', 2], ['b', 130], ['c', 130], ['d', 5], ['e', 13]];
  const wasm = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 0x00, 0x01, 0x7f], [0x60, 0x01, 0x7f, 0x01, 0x7f]])),
    ...section(2, vec([[...nameBytes('env'), ...nameBytes('g'), 0x00, 0x01]])),
    ...section(3, vec(bodies.map(() => [0x01]))),
    ...section(5, vec([[0x00, 0x01]])),
    ...section(7, vec([...exported.map(([name, index]) => [...nameBytes(name), 0x00, ...leb(index)]), [...nameBytes('mem'), 0x02, 0x00]])),
    ...section(10, vec(bodies.map((body) => [...leb(body.length), ...body])))]);
  assert.deepEqual(exportSlots(wasm).clashes, [130]);
  const spread = spreadExports(wasm);
  assert.deepEqual(exportedFunctionIndices(spread), { a: 2, b: 141, c: 141, d: 5, e: 142 }, 'b and c through one thunk after the last function, e through the next');
  assert.deepEqual(exportSlots(spread).clashes, []);
  const call = (bytes) => new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { g: (x) => x } }).exports;
  for (const [name] of exported) assert.equal(call(spread)[name](10), call(wasm)[name](10), name);
  assert.deepEqual([call(spread).b(10), call(spread).e(10)], [140, 23]);
  assert.ok(call(spread).mem instanceof WebAssembly.Memory, 'the memory is still exported');
  // Nothing to move: the same bytes. More exported functions than the cache has entries: refused.
  assert.equal(spreadExports(spread), spread);
  assert.throws(() => plan(Array.from({ length: CACHE_ENTRIES + 1 }, (_, i) => i), 1000), /cannot be kept apart/);
});
