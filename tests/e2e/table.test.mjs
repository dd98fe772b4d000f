// End-to-end: the data table as a reader sees it once shown, and the toolbar that shows it, on a phone and at an article's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serve } from './server.mjs';
import { launch, LINES, RECORD_READY } from './browser.mjs';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
let server;
let browser;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` on `page` (made by `openChart`) and waits for `chart` to be drawn; returns it. */
async function goToChart(page, path, chart) {
  await page.goto(`${server.url}/${path}`);
  await page.waitForFunction((c) => window.__ready.includes(c), chart, { timeout: 15000 });
  return page.locator(`zhibiao-chart[chart="${chart}"]`).first();
}

/** A fresh context `width` × 900 px (with `options`, such as a device pixel ratio) at `path`, its
 * `chart` drawn: the context, its page, the chart, and the page's errors as they come. */
async function openChart(path, chart, width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(RECORD_READY);
  await page.addInitScript(LINES);
  return { context, page, errors, el: await goToChart(page, path, chart) };
}

/** Shows `el`'s data table with its toolbar button (表格 / Table). */
async function showTable(el) {
  await el.getByRole('button', { name: /表格|Table/ }).click();
  await el.locator('table').waitFor({ state: 'visible' });
}

/** Opens `path` at `width`, shows `chart`'s table with its toolbar button `button`, and returns
 * each cell's text with the number of lines it takes and the tallest body row's height. */
async function shownTable(path, chart, button, width) {
  const { context, page, errors, el } = await openChart(path, chart, width, { deviceScaleFactor: 2 });
  await el.getByRole('button', { name: button }).click();
  await el.locator('table').waitFor({ state: 'visible' });
  const table = await el.evaluate((host) => {
    const lines = (cell) => window.__lines(cell);
    const rows = [...host.shadowRoot.querySelectorAll('tbody tr')].filter((tr) => tr.children.length > 1);
    return {
      headers: [...host.shadowRoot.querySelectorAll('thead th')].map((th) => [th.textContent, lines(th)]),
      cells: rows.flatMap((tr) => [...tr.children].slice(1, 5).map((td) => [td.textContent, lines(td)])),
      tallestRowPx: Math.max(...rows.map((tr) => tr.getBoundingClientRect().height)),
      scroller: (({ scrollWidth, clientWidth }) => ({ scrollWidth, clientWidth }))(host.shadowRoot.querySelector('.table')),
    };
  });
  // The scroller, a Tab stop where it scrolls, is a region named by the table's caption.
  const caption = await el.locator('caption').textContent();
  table.namedRegions = await el.getByRole('region', { name: caption, exact: true }).count();
  // The next Tab stop after the toolbar's last button, with a ring to show it; none once hidden.
  await el.getByRole('button').last().focus();
  await page.keyboard.press('Tab');
  table.tabbed = await el.evaluate((host) => {
    const active = host.shadowRoot.activeElement;
    return { id: active?.id ?? null, tabIndex: active?.tabIndex ?? null, ring: active ? getComputedStyle(active).outlineWidth : null };
  });
  await el.getByRole('button', { name: button }).click();
  table.tabIndexHidden = await el.locator('#table').evaluate((t) => t.tabIndex);
  assert.deepEqual(errors, []);
  await context.close();
  return table;
}

test('at a wide article\'s width, headers, values, qualifiers and kinds each take one line, and nothing scrolls', async () => {
  const { headers, cells, scroller } = await shownTable('index.html#growth', 'growth', '表格', 1000);
  assert.ok(scroller.scrollWidth <= scroller.clientWidth, `no sideways scroll: ${JSON.stringify(scroller)}`);
  const en = await shownTable('embed.html?chart=5g&lang=en', '5g', 'Table', 1000);
  assert.ok(en.scroller.scrollWidth <= en.scroller.clientWidth, `no sideways scroll at 1000 px: ${JSON.stringify(en.scroller)}`);
  for (const [lang, table, rows] of [['zh', { headers, cells }, 9], ['en', en, 8]]) {
    assert.ok(table.headers.length >= 6, `${lang}: has its headers`);
    for (const [text, n] of table.headers) assert.equal(n, 1, `${lang}: header ${text} on one line`);
    // Value (2), qualifier (3) and kind (5); the period (4) may wrap.
    const short = table.cells.filter((_, i) => i % 4 !== 2);
    assert.ok(short.length >= rows * 3, `${lang}: has its rows: ${short.length} short cells`);
    for (const [text, n] of short) assert.equal(n, 1, `${lang}: ${text} on one line`);
  }
});

/** The shown table's body rows as laid out, in px from the chart's top left: each cell's text
 * (a box around its lines), the quote's cell and the qualifier's cell themselves, and the row;
 * and whether the table scrolls sideways and how tall its column headers are on screen. */
function stackedRows(host) {
  const root = host.shadowRoot;
  const origin = host.getBoundingClientRect();
  const place = (r) => ({ left: Math.round(r.left - origin.left), right: Math.round(r.right - origin.left), top: Math.round(r.top - origin.top), bottom: Math.round(r.bottom - origin.top) });
  const text = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return place(range.getBoundingClientRect());
  };
  const box = (el) => place(el.getBoundingClientRect());
  const scroller = root.querySelector('.table');
  return {
    width: Math.round(origin.width),
    scrolls: scroller.scrollWidth > scroller.clientWidth,
    headPx: root.querySelector('thead').getBoundingClientRect().height,
    rows: [...root.querySelectorAll('tbody tr')].filter((tr) => tr.children.length > 1).map((tr) => {
      const [name, value, , period, kind] = [...tr.children].map(text);
      return { name, value, period, kind, quote: box(tr.children[5]), qualifierPx: tr.children[2].getBoundingClientRect().width, row: box(tr) };
    }),
  };
}

/** Shows `chart`'s table at `width` on `page` (already at the chart) and returns its
 * `stackedRows`. */
async function stackedAt(page, chart, width) {
  await page.setViewportSize({ width, height: 900 });
  const el = page.locator(`zhibiao-chart[chart="${chart}"]`).first();
  // Left to screen readers (`.sr`) until the button shows it.
  if (await el.locator('#table.sr').count()) await showTable(el);
  return el.evaluate(stackedRows);
}

/** Where each body row of a stacked table is not as the widget lays it out on a phone: the
 * indicator and its figure on the first line, the figure at the table's right edge; the period
 * under them, the kind just after it on its line; then the quoted sentence, from the table's left
 * edge to its right (`left`, `right`: where the table's text starts and ends); the qualifier left
 * to screen readers; no more room in the row than its text and padding take. */
function stackingFaults({ rows }, left, right) {
  const faults = [];
  for (const { name, value, period, kind, quote, qualifierPx, row } of rows) {
    const near = (a, b, px = 2) => Math.abs(a - b) <= px;
    const at = `row at ${row.top} px: ${JSON.stringify({ name, value, period, kind, quote, row })}`;
    if (!near(name.left, left) || !near(name.top, value.top, 3)) faults.push(`indicator and figure not on one line, from the left: ${at}`);
    if (!near(value.right, right)) faults.push(`figure not at the right edge: ${at}`);
    if (period.top < Math.max(name.bottom, value.bottom) - 1 || !near(period.left, left)) faults.push(`period not under them: ${at}`);
    if (!near(kind.top, period.top, 3) || kind.left < period.right || kind.left > period.right + 60) faults.push(`kind not after the period: ${at}`);
    if (quote.top < period.bottom - 1 || !near(quote.left, left) || !near(quote.right, right)) faults.push(`quote not below, as wide as the table: ${at}`);
    if (qualifierPx > 1) faults.push(`qualifier shown: ${at}`);
    if (row.bottom - row.top > quote.bottom - name.top + 20) faults.push(`room to spare: ${at}`);
  }
  return faults;
}

test('on a phone and in an article\'s column, each row of the table is a block: indicator and figure, period and kind, then the quoted sentence as wide as the table (at most 42em); nothing scrolls sideways', async () => {
  const { context, page, errors } = await openChart('embed.html?chart=5g&lang=en', '5g', 360, { deviceScaleFactor: 2 });
  for (const [path, chart, rows] of [['embed.html?chart=5g&lang=en', '5g', 8], ['index.html#growth', 'growth', 9]]) {
    await goToChart(page, path, chart);
    for (const width of [240, 320, 360, 414, 600, 800]) {
      const found = await stackedAt(page, chart, width);
      const inset = found.width < 480 ? 12 : 16;
      assert.ok(found.rows.length >= rows, `${chart} at ${width} px: has its rows: ${found.rows.length}`);
      assert.equal(found.scrolls, false, `${chart} at ${width} px: the table scrolls sideways`);
      assert.ok(found.headPx <= 1, `${chart} at ${width} px: column headers shown, ${found.headPx} px tall`);
      // At most 42em of 13 px wide.
      assert.deepEqual(stackingFaults(found, inset, Math.min(found.width - inset, inset + 42 * 13)), [], `${chart} at ${width} px`);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the table is still a table to screen readers: its column headers, row headers and cells, the qualifier\'s too; a Tab stop, a region named by its caption', async () => {
  const { namedRegions, tabbed, tabIndexHidden } = await shownTable('embed.html?chart=5g&lang=en', '5g', 'Table', 360);
  assert.equal(namedRegions, 1, 'the table\'s place, a Tab stop, is a region named by the caption');
  assert.deepEqual(tabbed, { id: 'table', tabIndex: 0, ring: '3px' });
  assert.equal(tabIndexHidden, -1);
  const { context, page, el } = await openChart('embed.html?chart=5g&lang=en', '5g', 1000);
  // Left to screen readers, the table is laid out as one at any width, in a page's narrow container too.
  await page.setViewportSize({ width: 360, height: 900 });
  await page.evaluate(() => { document.querySelector('main').style.containerType = 'inline-size'; });
  assert.deepEqual(await el.evaluate((host) => [...new Set([...host.shadowRoot.querySelectorAll('#table.sr tr')].map((tr) => getComputedStyle(tr).display))]), ['table-row']);
  await page.evaluate(() => { document.querySelector('main').style.containerType = ''; });
  await el.getByRole('button', { name: 'Table' }).click();
  // What the accessibility tree holds at a width, by role.
  const roles = async (width) => {
    await page.setViewportSize({ width, height: 900 });
    const table = el.getByRole('table');
    return {
      tables: await table.count(),
      columnHeaders: await table.getByRole('columnheader').allTextContents(),
      rowHeaders: await table.getByRole('rowheader').allTextContents(),
      rows: await table.getByRole('row').count(),
      cells: await table.getByRole('cell').allTextContents(),
    };
  };
  const wide = await roles(1000);
  const phone = await roles(360);
  assert.equal(wide.tables, 1);
  assert.deepEqual(wide.columnHeaders, ['Indicator', 'Value', 'Qualifier', 'Period', 'Kind', 'Source']);
  assert.ok(wide.cells.includes('more than'), 'a qualifier is a cell');
  assert.deepEqual(phone, wide, 'the same table at 360 px as at 1000 px');
  assert.equal(await el.evaluate((host) => host.shadowRoot.querySelector('.table').scrollWidth > 400), false, 'stacked at 360 px');
  // The names the browser gives the cells (its own accessibility tree, which counts CSS generated
  // content): the phone's "· " before a kind is drawn, not said ("stated", not "· stated").
  const cdp = await context.newCDPSession(page);
  const cellNames = async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await el.evaluate((host) => host.shadowRoot.querySelector('table').getBoundingClientRect());
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored && n.role?.value === 'cell').map((n) => n.name?.value ?? '');
  };
  const wideNames = await cellNames(1000);
  assert.ok(wideNames.includes('stated') && wideNames.includes('more than'), wideNames.join(' | '));
  assert.deepEqual(await cellNames(360), wideNames, 'the cells are named at 360 px as at 1000 px');
  await context.close();
});

test('with a screen reader on before the page loads, the table is a region named by its caption, in the browser\'s own accessibility tree, also after the chart\'s language changes', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(RECORD_READY);
  // Accessibility on from the start, as with a screen reader running: Chromium then builds the
  // table's node when it is first written, not when asked.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const el = await goToChart(page, 'embed.html?chart=nev&lang=en', 'nev');
  const roleOf = async (caption) => {
    // Written after the first paint: wait for the caption.
    await el.locator('caption', { hasText: caption }).waitFor({ state: 'attached' });
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored && n.name?.value === caption && n.role?.value !== 'table' && n.role?.value !== 'StaticText' && n.role?.value !== 'InlineTextBox').map((n) => n.role.value);
  };
  assert.deepEqual(await roleOf('New energy vehicle (NEV) production and sales growth, H1\u00a02023 (data table)'), ['region']);
  await el.evaluate((host) => host.setAttribute('lang', 'zh'));
  assert.deepEqual(await roleOf('数据表：新能源汽车产销同比增长（2023年上半年）'), ['region']);
  await context.close();
});

test('at a wide article\'s width, the table is laid out as one, its figures on the right', async () => {
  const { context, page } = await openChart('embed.html?chart=5g&lang=en', '5g', 1000);
  const found = await stackedAt(page, '5g', 1000);
  assert.equal(found.scrolls, false);
  assert.ok(found.headPx > 10, `its column headers shown: ${found.headPx} px`);
  // Each row's cells side by side, the figures ending at one place.
  assert.ok(found.rows.length >= 8 && found.rows.every((r) => r.value.left > r.name.right && r.period.left > r.value.right && r.quote.left > r.kind.right), JSON.stringify(found.rows[0]));
  assert.equal(new Set(found.rows.map((r) => r.value.right)).size, 1, 'figures end at one place');
  await context.close();
});

test('on a phone, the caption wraps within the screen, and the toolbar and the table start where the chart\'s text does', async () => {
  const { context, el } = await openChart('embed.html?chart=5g&lang=en', '5g', 360, { deviceScaleFactor: 2 });
  await showTable(el);
  const caption = await el.evaluate((host) => {
    const range = document.createRange();
    range.selectNodeContents(host.shadowRoot.querySelector('caption'));
    const [text, box] = [range.getBoundingClientRect(), host.getBoundingClientRect()];
    return { left: Math.round(text.left - box.left), right: Math.round(text.right - box.left), lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
  });
  assert.ok(caption.right <= 360 - 12 && caption.lines > 1, `the caption wraps within the screen: ${JSON.stringify(caption)}`);
  // 12 px in on a phone, and the quotes end 12 px from the right edge.
  const found = await el.evaluate(insets);
  assert.deepEqual([found.button, found.caption, found.rows], [12, 12, [12]], JSON.stringify(found));
  // The quotes' widest line ends within a character of the right edge's inset.
  assert.ok(found.right >= 12 && found.right < 12 + 13, JSON.stringify(found));
  await context.close();
});

/** How far in from the chart's left edge its first button and its table's caption, first header
 * and first column's texts start (each distinct value of the column), and from its right edge the
 * table's last column's text may end (its cells' widest line; null while the table scrolls). */
function insets(host) {
  const hostBox = host.getBoundingClientRect();
  const text = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return range.getBoundingClientRect();
  };
  const root = host.shadowRoot;
  const left = (el) => Math.round(text(el).left - hostBox.left);
  const scroller = root.querySelector('.table');
  return {
    button: Math.round(root.querySelector('.toolbar button').getBoundingClientRect().left - hostBox.left),
    caption: left(root.querySelector('caption')),
    header: left(root.querySelector('thead th')),
    rows: [...new Set([...root.querySelectorAll('tbody th')].map(left))],
    right: scroller.scrollWidth > scroller.clientWidth ? null
      : Math.round(hostBox.right - Math.max(...[...root.querySelectorAll('tbody td:last-child')].map((td) => text(td).right))),
  };
}

test('at a wide article\'s width the toolbar and the table start 16 px in, where the chart\'s text does', async () => {
  const { context, el } = await openChart('embed.html?chart=nev&lang=zh', 'nev', 1000);
  await showTable(el);
  const found = await el.evaluate(insets);
  // The quote wraps, so its longest line ends near the padding: within one character of it.
  assert.ok(found.right >= 16 && found.right < 16 + 14, `the sentences end ${found.right} px from the right`);
  assert.deepEqual({ ...found, right: 16 }, { button: 16, caption: 16, header: 16, rows: [16], right: 16 });
  await context.close();
});

/** Each body row's source cell in `host`'s shadow root: the text of its `lang="zh"` parts, its
 * text outside them, and whether that text (the attribution) starts on a line below the quote. */
const sourceCells = (host) => [...host.shadowRoot.querySelectorAll('tbody tr')].filter((tr) => tr.children.length > 1).map((tr) => {
  const cell = tr.lastElementChild;
  const zh = [...cell.querySelectorAll('[lang=zh]')].map((el) => el.textContent);
  const others = [...cell.childNodes].filter((n) => !(n instanceof Element && n.lang === 'zh'));
  const rest = others.map((n) => n.textContent).join('');
  const quote = cell.querySelector('[lang=zh]');
  const range = document.createRange();
  range.selectNodeContents(others.at(-1));
  const after = [...range.getClientRects()].filter((r) => r.width > 0)[0];
  const below = quote !== null && after !== undefined && after.top >= quote.getBoundingClientRect().bottom - 1;
  return { zh, rest, below };
});

const HAN = /[\u4e00-\u9fff]/;

for (const [name, options] of [['the widget', {}], ['the no-wasm fallback', { missing: (path) => path.endsWith('.wasm') }]]) {
  test(`in ${name}, an English table marks each row's quoted sentence as Chinese, its Chinese all there, its attribution on a line below`, async () => {
    const s = options.missing ? await serve(DIST, options) : server;
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(RECORD_READY);
    await page.addInitScript(LINES);
    await page.goto(`${s.url}/embed.html?chart=nev&lang=en`);
    const el = page.locator('zhibiao-chart');
    if (options.missing) await el.locator('table').waitFor();
    else {
      await page.waitForFunction(() => window.__ready.includes('nev'), null, { timeout: 15000 });
      await el.getByRole('button', { name: 'Table' }).click();
    }
    const cells = await el.evaluate(sourceCells);
    assert.equal(cells.length, 4, 'the NEV chart\'s three rows and its note\'s figure');
    for (const { zh, rest, below } of cells) {
      assert.equal(zh.length, 1, `one sentence marked as Chinese: ${rest}`);
      // The attribution on a line of its own, also after a quote short enough to leave room.
      assert.ok(below, `the attribution starts below the quote: ${rest}`);
      assert.ok(zh[0].startsWith('“') && zh[0].endsWith('”') && HAN.test(zh[0]), zh[0]);
      assert.ok(!HAN.test(rest) && rest.startsWith(' Source'), `the rest of the cell is English: ${rest}`);
    }
    await context.close();
    if (options.missing) await s.close();
  });
}

test('without the wasm, the table on a phone is the widget\'s: its fonts, each row a block with its quoted sentence as wide as the table', async () => {
  const s = await serve(DIST, { missing: (path) => path.endsWith('.wasm') });
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(LINES);
  await page.goto(`${s.url}/embed.html?chart=nev&lang=en`);
  const el = page.locator('zhibiao-chart');
  await el.locator('table').waitFor();
  const found = await el.evaluate((host) => {
    const root = host.shadowRoot;
    const scroller = root.querySelector('.table');
    return {
      font: getComputedStyle(root.querySelector('td')).fontFamily,
      sentences: root.querySelectorAll('tbody td:last-child').length,
      sentencePx: Math.min(...[...root.querySelectorAll('tbody td:last-child')].map((td) => td.getBoundingClientRect().width)),
      scrolls: scroller !== null && scroller.scrollWidth > scroller.clientWidth,
      captionLines: window.__lines(root.querySelector('caption')),
    };
  });
  assert.ok(found.font.startsWith('"PingFang SC"'), `the widget's font stack: ${found.font}`);
  assert.ok(found.sentences >= 3, `the table has its rows: ${found.sentences}`);
  assert.ok(found.sentencePx >= 360 - 24 - 1, `the sentences are ${found.sentencePx} px wide`);
  assert.equal(found.scrolls, false, 'the table scrolls sideways');
  assert.deepEqual(stackingFaults(await el.evaluate(stackedRows), 12, 360 - 12), []);
  assert.ok(found.captionLines > 1, 'the caption wraps on screen');
  const caption = await el.locator('caption').textContent();
  assert.equal(await el.getByRole('region', { name: caption, exact: true }).count(), 1, 'the scroller is a region named by the caption');
  await context.close();
  await s.close();
});

test('the toolbar\'s four buttons sit in one row, or in two rows of two: never one alone on a row', async () => {
  const found = [];
  for (const lang of ['zh', 'en']) {
    const { context, page } = await openChart(`embed.html?chart=growth&lang=${lang}`, 'growth', 800);
    for (const width of [260, 300, 320, 340, 360, 375, 390, 414, 440, 480, 600, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const rows = await page.locator('zhibiao-chart').evaluate((host) => {
        const tops = [...host.shadowRoot.querySelectorAll('.toolbar button')].map((b) => Math.round(b.getBoundingClientRect().top));
        return [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
      });
      found.push(`${lang} ${width}: ${rows.join('+')}`);
    }
    await context.close();
  }
  // From 440 px on, the four fit in one row in either language.
  assert.ok(found.filter((f) => f.endsWith(': 4')).length >= 8, found.join(', '));
  assert.deepEqual(found.filter((f) => !f.endsWith(': 4') && !f.endsWith(': 2+2')), [], found.join(', '));
});

/** Each table row's marked figure in its quote (the `<b>` in the quote's span), with whether the
 * figure stays on one line there; null for a row whose quote marks none. */
const markedFigures = (host) => [...host.shadowRoot.querySelectorAll('tbody tr')].filter((tr) => tr.children.length > 1).map((tr) => {
  const b = tr.lastElementChild.querySelector('span[lang="zh"] > b');
  return b ? [b.textContent, getComputedStyle(b).whiteSpace] : null;
});

test('a quote marks the figure it is quoted for, in bold and on one line, in the card, the table and the table without the wasm; a derived figure\'s sentence marks none', async () => {
  // The 5G chart's figures as the texts write them, in the chart's order (超过21.2亿: the table's
  // value cell says 超21.2亿).
  const written = ['293.7万个', '超173万个', '6.76亿户', '超过21.2亿', '42.9%', '2029万个', '60个', '超5万个', '1274款'];
  const sources = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'sources');
  const texts = readdirSync(sources).map((f) => readFileSync(join(sources, f), 'utf8')).join('\n');
  assert.deepEqual(written.filter((w) => !texts.includes(w)), [], 'each written as a text writes it');
  const expected = written.map((w) => [w, 'nowrap']);
  const { context, page, el } = await openChart('embed.html?chart=5g&lang=zh', '5g', 1280, { deviceScaleFactor: 2 });
  assert.deepEqual(await el.evaluate(markedFigures), expected);
  // The card of the point the keys reach: the application cases, whose 超5万个 ended a line, as
  // 超5 / 万个, at 1280 px.
  await el.locator('canvas[role=application]').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const card = el.locator('.tip.shown blockquote');
  await card.waitFor();
  assert.deepEqual(await card.evaluate((q) => [q.lang, q.querySelector('b')?.textContent, q.querySelector('b') && getComputedStyle(q.querySelector('b')).whiteSpace, q.textContent.includes('超5万个')]), ['zh', '超5万个', 'nowrap', true]);
  const lines = await card.evaluate((q) => window.__lines(q.querySelector('b')));
  assert.equal(lines, 1, 'the figure on one line');
  // The growth chart: its stated rows mark their figure, its two derived ones nothing.
  const growth = await (await goToChart(page, 'embed.html?chart=growth&lang=zh', 'growth')).evaluate(markedFigures);
  assert.deepEqual(growth.map((m) => m?.[0] ?? null), ['44.1%', '42.4%', '19.2%', '17.1%', '6.2%', '3.8%', null, null, '3.8%']);
  await context.close();
  // Without the wasm, the same table, marked the same way.
  const s = await serve(DIST, { missing: (path) => path.endsWith('.wasm') });
  const fallback = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const p = await fallback.newPage();
  await p.goto(`${s.url}/embed.html?chart=5g&lang=en`);
  await p.locator('zhibiao-chart table').waitFor();
  assert.deepEqual(await p.locator('zhibiao-chart').evaluate(markedFigures), expected);
  await fallback.close();
  await s.close();
});

test('on a phone, the table\'s attribution keeps its date on one line, as a card\'s does (2023年7月19日, not 2023年7月 / 19日), and its caption its period', async () => {
  const opened = await openChart('embed.html?chart=growth&lang=zh', 'growth', 360, { deviceScaleFactor: 2 });
  const { context, page } = opened;
  let { el } = opened;
  await showTable(el);
  const dates = await el.evaluate((host) => [...host.shadowRoot.querySelectorAll('tbody td:last-child')].map((td) => {
    const text = td.lastChild;
    const at = text.data.indexOf('2023年7月19日');
    if (at < 0) return null;
    return [window.__lines(text, 0, text.data.length) > 1, window.__lines(text, at, at + '2023年7月19日'.length)];
  }).filter(Boolean));
  assert.ok(dates.length >= 6 && dates.some(([wraps]) => wraps), `attributions that wrap at this width, as the test needs: ${JSON.stringify(dates)}`);
  assert.deepEqual(dates.map(([, lines]) => lines), dates.map(() => 1), 'each date on one line');
  // The caption keeps its period whole too (（2023年上半年）, not （2023年上 / 半年）), at 320 px, where
  // the NEV chart's caption wraps.
  await page.setViewportSize({ width: 320, height: 900 });
  el = await goToChart(page, 'embed.html?chart=nev&lang=zh', 'nev');
  await showTable(el);
  const caption = await el.evaluate((host) => {
    const text = host.shadowRoot.querySelector('caption').firstChild;
    const at = text.data.indexOf('2023年上半年');
    return [text.data, window.__lines(text, 0, text.data.length), at < 0 ? null : window.__lines(text, at, at + '2023年上半年'.length)];
  });
  assert.deepEqual(caption.slice(1), [2, 1], `the caption wraps, its period whole: ${caption}`);
  // In English too (H1 2023, not H1 / 2023): the period is joined to its year by a no-break space,
  // at every width where the growth or NEV chart's caption wraps near it.
  let near = 0;
  for (const chart of ['growth', 'nev']) {
    el = await goToChart(page, `embed.html?chart=${chart}&lang=en`, chart);
    await showTable(el);
    for (let width = 280; width <= 440; width += 4) {
      await page.setViewportSize({ width, height: 900 });
      const [text, whole, period] = await el.evaluate((host) => {
        const node = host.shadowRoot.querySelector('caption').firstChild;
        const at = node.data.search(/H1\s2023/);
        return [node.data, window.__lines(node, 0, node.data.length), at < 0 ? null : window.__lines(node, at, at + 'H1 2023'.length)];
      });
      assert.equal(period, 1, `${chart} at ${width} px: "${text}"`);
      if (whole > 1) near += 1;
    }
  }
  assert.ok(near > 10, `captions that wrap, as the test needs: ${near}`);
  // In English the attribution keeps the reporter's name whole (Qi Xu, not Qi / Xu), at 375 px,
  // where the 5G table's attributions wrap.
  await page.setViewportSize({ width: 375, height: 900 });
  el = await goToChart(page, 'embed.html?chart=5g&lang=en', '5g');
  await showTable(el);
  const names = await el.evaluate((host) => [...host.shadowRoot.querySelectorAll('tbody td:last-child')].map((td) => {
    const text = td.lastChild;
    const at = text.data.indexOf('Qi');
    return at < 0 ? null : [window.__lines(text, 0, text.data.length) > 1, window.__lines(text, at, at + 'Qi Xu'.length), text.data.includes('Qi\u00a0Xu')];
  }).filter(Boolean));
  assert.ok(names.length >= 4 && names.every(([wraps]) => wraps), `attributions that wrap at this width, as the test needs: ${JSON.stringify(names)}`);
  assert.deepEqual(names.map(([, lines, joined]) => [lines, joined]), names.map(() => [1, true]), 'each name on one line, joined by a no-break space');
  await context.close();
});

test('copied with the article around it (select all, or a drag across it), a chart gives its title, and its table once shown: not its buttons\' words, its description, what it said, a card or the hidden table', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await page.addInitScript(RECORD_READY);
  await page.route('**/article.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="zh"><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,">' +
    '<h1>文章标题</h1><p>文章第一段。</p><zhibiao-chart chart="growth"></zhibiao-chart><p>文章第二段。</p><script type="module" src="/zhibiao.js"></script>' }));
  const el = await goToChart(page, 'article.html', 'growth');
  // What the chart holds that is not the article's: read from it, so that the words are its own.
  const texts = () => el.evaluate((host) => {
    const root = host.shadowRoot;
    const text = (selector) => root.querySelector(selector)?.textContent ?? '';
    return {
      title: text('.sr:is(h1, h2, h3, h4, h5, h6)'), buttons: [...root.querySelectorAll('.toolbar button')].map((b) => b.textContent),
      description: text('#desc'), keys: text('#keys'), said: text('[role=status]'), card: text('.tip.shown .label'), caption: text('caption'), quote: text('td:last-child > span'),
    };
  });
  const copyAll = async () => {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  // The keys reach a point: its card shows and the live region says it.
  await el.locator('canvas[role=application]').focus();
  await page.keyboard.press('ArrowDown');
  const held = await texts();
  assert.ok(held.title && held.description && held.keys && held.said && held.card && held.caption && held.quote, JSON.stringify(held));
  // The title stands for the chart; none of `parts` is copied.
  const standsAlone = (copied, parts, how) => {
    assert.ok(copied.includes(held.title), `the title stands for the chart (${how}): ${copied}`);
    for (const part of parts) assert.ok(!copied.includes(part), `"${part}" is not copied (${how}): ${copied}`);
  };
  const copied = await copyAll();
  assert.ok(copied.includes('文章第一段。') && copied.includes('文章第二段。'), copied);
  standsAlone(copied, [...held.buttons, held.description, held.keys, held.said, held.card, held.caption, held.quote], 'select all');
  // A drag from the paragraph above to the one below copies the same.
  const [above, below] = [await page.locator('p').first().boundingBox(), await page.locator('p').last().boundingBox()];
  await page.mouse.move(above.x + 1, above.y + above.height / 2);
  await page.mouse.down();
  await page.mouse.move(below.x + 40, below.y + below.height / 2, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.press('Control+C');
  const dragged = await page.evaluate(() => navigator.clipboard.readText());
  // (The drag passes over the bars: the card may be another's by then.)
  standsAlone(dragged, [...held.buttons, held.description, held.keys, held.said, held.caption, held.quote], 'a drag');
  // The table, once shown, is the reader's to copy.
  await el.locator('.toolbar button[aria-pressed]').click();
  const withTable = await copyAll();
  assert.ok(withTable.includes(held.caption) && withTable.includes(held.quote), withTable);
  await context.close();
});

test('on paper (as in an article\'s columns), an opened table does not push its chart on: the chart stays whole with its buttons where it fits, and the table breaks between rows', async () => {
  const context = await browser.newContext({ viewport: { width: 1700, height: 1500 } });
  const page = await context.newPage();
  await page.addInitScript(RECORD_READY);
  // Two columns of 810 px and 1400 px high, the chart below 500 px of text: pages to the chart.
  await page.route('**/columns.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>columns</title><link rel="icon" href="data:,">' +
    '<body style="margin: 0"><div style="columns: 2; column-gap: 20px; column-fill: auto; height: 1400px; width: 1640px">' +
    '<p style="height: 500px; margin: 0">Text.</p><zhibiao-chart chart="5g" lang="en"></zhibiao-chart></div>' +
    '<script type="module" src="/zhibiao.js"></script>' }));
  const el = await goToChart(page, 'columns.html', '5g');
  await el.locator('.toolbar button[aria-pressed]').click();
  await el.locator('caption').waitFor();
  const laid = () => el.evaluate((host) => {
    const root = host.shadowRoot;
    const column = (node) => (node.getBoundingClientRect().left < 810 ? 1 : 2);
    const rows = [...root.querySelectorAll('tr')];
    return {
      plot: column(root.querySelector('.plot')), toolbar: column(root.querySelector('.toolbar')),
      rowColumns: [...new Set(rows.map(column))], splitRows: rows.filter((tr) => tr.getClientRects().length > 1).length,
    };
  });
  // On screen the table scrolls sideways where it must, so it is one block: it goes on into the
  // next column whole, and the chart and its buttons stay in the first, below the text.
  const screen = await laid();
  assert.deepEqual([screen.plot, screen.toolbar, screen.splitRows], [1, 1, 0], JSON.stringify(screen));
  // On paper (the print styles: no buttons, the table wraps) it goes on between rows.
  await page.emulateMedia({ media: 'print' });
  const paper = await laid();
  assert.deepEqual([paper.plot, paper.rowColumns, paper.splitRows], [1, [1, 2], 0], JSON.stringify(paper));
  await context.close();
});
