// End-to-end: the built page (dist/, from make build) in headless Chromium. Takes the README's screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { serve } from './server.mjs';
import { clipboardHolds, launch, FIRST_BAR, LINES, markedValue, MARKERS_SHOWN, RECORD_READY, scrollCanvasTo, SHOWN, shownCard, tipShows } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = join(ROOT, 'docs', 'screenshots');
let server;
let browser;

before(async () => {
  server = await serve(join(ROOT, 'dist'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash, { width, height = 900, colorScheme = 'light', hasTouch = false, isMobile = false, init = null }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, colorScheme, hasTouch, isMobile });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(RECORD_READY);
  await page.addInitScript(SHOWN);
  await page.addInitScript(LINES);
  if (init) await page.addInitScript(init);
  await page.goto(`${server.url}/index.html${hash}`);
  return { page, context, errors };
}

const ready = (page, chart) => page.waitForFunction((c) => window.__ready.includes(c), chart, { timeout: 15000 });


/** The growth chart opened by `#growth`, its canvas focused and the keys at its last point (3.8%);
 * `first`, a point inside its first bar (44.1%), in page px. */
async function keyedToTheLastPoint(options) {
  const { page, context } = await open('#growth', options);
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  const canvas = chart.locator('canvas[role=application]');
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await canvas.boundingBox();
  await canvas.focus();
  await page.keyboard.press('End');
  await tipShows(page, chart, '3.8%');
  return { page, context, chart, box, first: { x: box.x + bar.x, y: box.y + bar.y } };
}

for (const width of [375, 1200]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`all three charts draw at ${width} px, ${colorScheme}`, async () => {
      const { page, context, errors } = await open('', { width, colorScheme });
      for (const chart of ['growth', '5g', 'nev']) {
        await page.click(`#tab-${chart}`);
        await ready(page, chart);
        const box = await page.locator(`#panel-${chart} zhibiao-chart`).evaluate((el) => {
          // What the reader sees (browser.mjs's SHOWN).
          const { canvas } = window.__shown(el);
          const rect = canvas.getBoundingClientRect();
          return { css: rect.width, backing: canvas.width, host: el.getBoundingClientRect().width };
        });
        assert.equal(box.css, box.host, 'the canvas fills its container');
        assert.equal(box.backing, Math.round(box.css * 2), 'backing store is CSS size × DPR');
        await page.locator(`#panel-${chart} zhibiao-chart`).screenshot({ path: join(SHOTS, `${chart}-${width}-${colorScheme}.png`) });
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('the canvas follows the colour scheme when the reader switches it', async () => {
  const { page, context, errors } = await open('', { width: 800 });
  await ready(page, 'growth');
  // The chart's top-left pixel is its background (theme.rs: #ffffff light, #16181c dark), read
  // from what the reader sees (browser.mjs's SHOWN).
  const corner = () => page.locator('#panel-growth zhibiao-chart')
    .evaluate((el) => [...window.__shown(el).context.getImageData(1, 1, 1, 1).data.slice(0, 3)]);
  assert.deepEqual(await corner(), [0xff, 0xff, 0xff]);
  // Redrawn on the next frame (the drawn canvas shows), then handed to the view once painted.
  const afterPaint = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const viewShows = () => page.locator('#panel-growth zhibiao-chart').evaluate((el) => window.__shown(el).canvas.classList.contains('view'));
  // The media query's change event comes in a frame of the browser's choosing: wait for a redraw
  // (a few frames at most; it fails if none comes within 2 s).
  const becomes = async (rgb, message) => {
    const until = Date.now() + 2000;
    let seen = await corner();
    while (JSON.stringify(seen) !== JSON.stringify(rgb) && Date.now() < until) {
      await page.evaluate(() => new Promise(requestAnimationFrame));
      seen = await corner();
    }
    assert.deepEqual(seen, rgb, message);
  };
  await page.emulateMedia({ colorScheme: 'dark' });
  await becomes([0x16, 0x18, 0x1c], 'redrawn dark without a reload');
  await afterPaint();
  assert.ok(await viewShows(), 'the view has taken over');
  assert.deepEqual(await corner(), [0x16, 0x18, 0x1c], 'and shows the dark chart');
  // A hovered bar's marker is in the theme's highlight colour (theme.rs: #e69f00 dark, #d55e00
  // light), and follows a switch while the pointer stays (each point's marks are kept per theme).
  const chart = page.locator('#panel-growth zhibiao-chart');
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + 110);
  const marker = () => chart.evaluate((el) => [...el.shadowRoot.querySelectorAll('.marker:not([hidden])')].map((m) => getComputedStyle(m).backgroundColor));
  assert.deepEqual(await marker(), ['rgb(230, 159, 0)'], 'the hovered bar, dark');
  // The card's quote is ruled in the accent the focus rings use: light blue on dark, blue on light.
  const rule = () => chart.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.tip.shown .quote')).borderLeftColor);
  assert.equal(await rule(), 'rgb(86, 180, 233)', 'the quote\'s rule, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await becomes([0xff, 0xff, 0xff], 'and back');
  assert.deepEqual(await marker(), ['rgb(213, 94, 0)'], 'the hovered bar, light');
  assert.equal(await rule(), 'rgb(0, 114, 178)', 'the quote\'s rule, light');
  await afterPaint();
  assert.ok(await viewShows());
  assert.deepEqual(await corner(), [0xff, 0xff, 0xff]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the device pixel ratio changes (zoom, another screen), the chart redraws crisp at the new one', async () => {
  const { page, context, errors } = await open('', { width: 800 });
  // Chromium's device-metrics emulation changes devicePixelRatio and what a resolution query
  // matches, but (headless, checked) fires no `change` event on a MediaQueryList, as a screen
  // change or a zoom does: the test records the lists the page asks for and dispatches that event
  // on the one the chart listens to.
  await page.addInitScript(() => {
    window.__resolutionQueries = [];
    const matchMedia = window.matchMedia;
    window.matchMedia = function (query) {
      const list = matchMedia.call(this, query);
      if (query.includes('resolution')) window.__resolutionQueries.push(list);
      return list;
    };
  });
  await page.reload();
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  const backing = () => chart.evaluate((el) => {
    const { canvas } = window.__shown(el);
    return { backing: canvas.width, css: canvas.getBoundingClientRect().width };
  });
  const before = await backing();
  assert.equal(before.backing, before.css * 2);
  // Each of the page's three charts watches the ratio it was drawn at.
  const media = () => page.evaluate(() => window.__resolutionQueries.map((q) => q.media));
  const around = (ratio) => `(min-resolution: ${ratio - 0.001}dppx) and (max-resolution: ${ratio + 0.001}dppx)`;
  assert.deepEqual(await media(), Array(3).fill(around(2)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 800, height: 900, deviceScaleFactor: 3, mobile: false });
  const change = () => page.evaluate(() => window.__resolutionQueries.slice(0, 3).forEach((q) => q.dispatchEvent(new Event('change'))));
  await change();
  await page.waitForFunction((el) => { const { canvas } = window.__shown(el); return canvas.width === canvas.getBoundingClientRect().width * 3; },
    await chart.elementHandle(), { timeout: 2000 });
  // Each now watches the new ratio (the next change is caught too), and no longer the old one.
  assert.deepEqual(await media(), [...Array(3).fill(around(2)), ...Array(3).fill(around(3))]);
  assert.equal(await page.evaluate(() => window.__resolutionQueries[3].matches), true);
  await change();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal((await media()).length, 6, 'the old queries are no longer listened to');
  // A ratio of no short decimal (a 67 % zoom on a ratio-2 screen: 4/3): the query still matches
  // it now, so it will change when the ratio does.
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 800, height: 900, deviceScaleFactor: 4 / 3, mobile: false });
  await page.evaluate(() => window.__resolutionQueries.slice(3, 6).forEach((q) => q.dispatchEvent(new Event('change'))));
  await page.waitForFunction(() => window.__resolutionQueries.length === 9);
  assert.deepEqual(await page.evaluate(() => window.__resolutionQueries.slice(6).map((q) => q.matches)), [true, true, true]);
  // Redrawn for it, and shown at a CSS height that covers its rows whole (its height rounded to a
  // whole CSS px would scale 337 rows into 337.33 device px: blurred where the browser snaps).
  const crisp = async (ratio) => {
    await page.waitForFunction(({ el, ratio }) => { const { canvas } = window.__shown(el); return canvas.width === Math.round(canvas.getBoundingClientRect().width * ratio); },
      { el: await chart.elementHandle(), ratio }, { timeout: 2000 });
    const rows = await chart.evaluate((el, ratio) => { const { canvas } = window.__shown(el); return [canvas.height, canvas.getBoundingClientRect().height * ratio]; }, ratio);
    assert.ok(Math.abs(rows[0] - rows[1]) < 0.03, `at ${ratio}: ${rows[0]} rows shown in ${rows[1]} device px`);
  };
  await crisp(4 / 3);
  // And at 1.1 (a 110 % zoom): a height in whole CSS px would have to be a multiple of 10.
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 800, height: 900, deviceScaleFactor: 1.1, mobile: false });
  await page.evaluate(() => window.__resolutionQueries.slice(6, 9).forEach((q) => q.dispatchEvent(new Event('change'))));
  await crisp(1.1);
  // Still a working chart: a hover on the first bar shows its card.
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(page, chart, '44.1%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the hash opens a chart with its point highlighted; the mouse over that point shows its card', async () => {
  const { page, context, errors } = await open('#nev/nev_sales_growth', { width: 800 });
  await ready(page, 'nev');
  assert.equal(await page.getAttribute('#tab-nev', 'aria-selected'), 'true');
  const chart = page.locator('#panel-nev zhibiao-chart');
  await page.waitForFunction(MARKERS_SHOWN, await chart.elementHandle());
  const bar = await chart.evaluate((el) => { const m = [...el.shadowRoot.querySelectorAll('.marker')].find((x) => !x.hidden).getBoundingClientRect(); return { x: m.x + 5, y: m.y + m.height / 2 }; });
  await page.mouse.move(bar.x, bar.y);
  await tipShows(page, chart, '44.1%');
  await chart.screenshot({ path: join(SHOTS, 'nev-tooltip-800-light.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the hash's point shows no card over the chart at any width, and a card never sits over part of another bar's figure", async () => {
  // Where the production bar's figure is (the first bar from the top: 42.4%): from 6 px after the
  // bar's end, about 35 px long; and whether the card shown covers none, part or all of it.
  const figureUnderCard = (el) => {
    const { canvas, context } = window.__shown(el);
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    const { data, width } = context.getImageData(0, 0, canvas.width, canvas.height);
    const blue = (i) => data[i] === 0x00 && data[i + 1] === 0x72 && data[i + 2] === 0xb2;
    let at = 0;
    while (at < data.length && !blue(at)) at += 4;
    const row = Math.floor(at / 4 / width) + Math.round(5 * scale);
    let x = (at / 4) % width;
    while (blue((row * width + x + 1) * 4)) x += 1;
    const end = box.left + x / scale;
    const y = box.top + row / scale;
    const card = el.shadowRoot.querySelector('.tip.shown')?.getBoundingClientRect();
    if (!card) return null;
    let under = 0;
    for (let fx = end + 8; fx <= end + 40; fx += 4) under += Number(fx >= card.left && fx <= card.right && y >= card.top && y <= card.bottom);
    return { under, of: 9 };
  };
  for (const width of [700, 800, 1000, 1280]) {
    const { page, context, errors } = await open('#nev/nev_sales_growth', { width });
    await ready(page, 'nev');
    const chart = page.locator('#panel-nev zhibiao-chart');
    await page.waitForFunction(MARKERS_SHOWN, await chart.elementHandle());
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    // Highlighted only: a card at rest would hide the title, labels or bars of the chart the
    // link opens (on the growth chart at 800 px, the title and four labels).
    assert.equal(await chart.evaluate(figureUnderCard), null, `${width}: no card at rest`);
    // Hovering the highlighted bar shows the card, over all of the figure or none of it.
    const bar = await chart.evaluate((el) => { const m = [...el.shadowRoot.querySelectorAll('.marker')].find((x) => !x.hidden).getBoundingClientRect(); return { x: m.x + 5, y: m.y + m.height / 2 }; });
    await page.mouse.move(bar.x, bar.y);
    await tipShows(page, chart, '44.1%');
    const hovered = await chart.evaluate(figureUnderCard);
    assert.ok(hovered.under === 0 || hovered.under === hovered.of, `${width}: hover's card over ${hovered.under} of ${hovered.of} samples of 42.4%`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("a tooltip's source line wraps, but never inside its date", async () => {
  const { page, context, errors } = await open('#growth/telecom_revenue_growth', { width: 800 });
  await ready(page, 'growth');
  assert.equal(await markedValue(page, page.locator('#panel-growth zhibiao-chart')), '6.2%');
  // Its card, shown by keys from the hash's point: the point before it, then back.
  await page.locator('#panel-growth zhibiao-chart canvas[role=application]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  const source = page.locator('#panel-growth zhibiao-chart').locator('.tip.shown .source');
  await source.waitFor({ state: 'visible' });
  const lines = await source.evaluate((el) => {
    const text = el.firstChild;
    const at = text.data.indexOf('2023年7月19日');
    return { all: window.__lines(text, 0, text.data.length), date: at < 0 ? -1 : window.__lines(text, at, at + '2023年7月19日'.length) };
  });
  assert.ok(lines.all > 1, `the line wraps at this width (${lines.all} lines), as the test needs`);
  assert.equal(lines.date, 1, 'the date stays on one line');
  assert.deepEqual(errors, []);
  await context.close();
});

test("no card's quote ends with one character alone on its last line (…获得进网许 / 可。”)", async () => {
  const lone = [];
  let quotes = 0;
  for (const width of [700, 800, 900, 1000, 1100, 1280]) {
    const { page, context, errors } = await open('#5g', { width });
    for (const name of ['growth', '5g', 'nev']) {
      await page.locator(`#tab-${name}`).click();
      await ready(page, name);
      const chart = page.locator(`#panel-${name} zhibiao-chart`);
      await chart.locator('canvas[role=application]').focus();
      await page.keyboard.press('Home');
      let said = null;
      for (let k = 0; k < 12; k += 1) {
        if (k > 0) await page.keyboard.press('ArrowRight');
        // Past the last point the keys stay there.
        const now = await chart.locator('[role=status]').textContent();
        if (now === said) break;
        said = now;
        const quote = chart.locator('.tip.shown .quote');
        if (!(await quote.isVisible())) continue;
        quotes += 1;
        // The characters on the quote's last line, but for punctuation (in all its text: the
        // figure it is quoted for is in a <b> of its own).
        const last = await quote.evaluate((el) => {
          const chars = [];
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            for (let i = 0; i < text.data.length; i += 1) {
              const range = document.createRange();
              range.setStart(text, i);
              range.setEnd(text, i + 1);
              chars.push([text.data[i], Math.round(range.getBoundingClientRect().top)]);
            }
          }
          return chars.filter(([c, top]) => top === chars.at(-1)[1] && !/[，。、；：！？”’）\s,.]/.test(c)).map(([c]) => c).join('');
        });
        if ([...last].length < 2) lone.push(`${name} at ${width} px, point ${k}: ${JSON.stringify(last)}`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.ok(quotes >= 30, `${quotes} cards showed their quote`);
  assert.deepEqual(lone, []);
});

test("on a phone, the hash's point is highlighted without a card over the chart; a tap on it shows the card, a tap outside hides it", async () => {
  const { page, context, errors } = await open('#nev/nev_sales_growth', { width: 390, hasTouch: true, isMobile: true });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  const markersShown = () => chart.evaluate((el) => [...el.shadowRoot.querySelectorAll('.marker')].filter((m) => !m.hidden).length);
  await page.waitForFunction((el) => [...el.shadowRoot.querySelectorAll('.marker')].some((m) => !m.hidden), await chart.elementHandle());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  assert.ok(await markersShown() > 0, 'the point is highlighted');
  assert.equal(await chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown')), null, 'no card covers the chart');
  // The reader's tap on the highlighted bar shows its card.
  const bar = await chart.evaluate((el) => { const m = [...el.shadowRoot.querySelectorAll('.marker')].find((x) => !x.hidden).getBoundingClientRect(); return { x: m.x + 5, y: m.y + m.height / 2 }; });
  await page.touchscreen.tap(bar.x, bar.y);
  await tipShows(page, chart, '44.1%');
  // A tap outside the chart lets go: back at rest, the point is highlighted again without its card.
  await page.touchscreen.tap(5, 5);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  assert.equal(await chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown')), null, 'the card goes when the reader lets go');
  assert.ok(await markersShown() > 0, 'the point is still highlighted');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the hash's point is the chart's resting state: hover and keys show others, it comes back unless dismissed, a new hash clears it", async () => {
  const { page, context, errors } = await open('#nev/nev_sales_growth', { width: 800 });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  const shownValue = () => chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null);
  const markersShown = () => chart.evaluate(MARKERS_SHOWN);
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  // At rest: the hash's point highlighted, without a card.
  const atRest = async (what) => {
    await page.waitForFunction((el) => !el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
    assert.equal(await markedValue(page, chart), '44.1%', what);
  };
  await atRest('the hash focused the sales row');
  // The first bar from the top is the production row (42.4%).
  const bar = await chart.evaluate(FIRST_BAR);
  assert.ok(bar, 'found a bar');
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(page, chart, '42.4%');
  // Off the chart: the hash's point again.
  await page.mouse.move(5, 5);
  await atRest('back after hover');
  // From a bar to where the canvas has no point (the title's corner): the hash's point again,
  // not nothing.
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(page, chart, '42.4%');
  await page.mouse.move(box.x + 3, box.y + 3);
  await page.waitForFunction((el) => !el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
  await settle();
  assert.ok(await markersShown() > 0, 'its highlight is back over the title');
  await atRest('back over the title');
  // Keys move to the next point (the reference row, 3.8%); focus leaving brings the hash's back.
  await chart.locator('canvas[role=application]').focus();
  await page.keyboard.press('ArrowRight');
  await tipShows(page, chart, '3.8%');
  await page.focus('#tab-nev');
  await atRest('back after keys');
  // Escape lets go of it: neither the pointer nor focus leaving brings it back.
  await chart.locator('canvas[role=application]').focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction((el) => el.shadowRoot.querySelectorAll('.marker:not([hidden])').length === 0, await chart.elementHandle());
  await page.mouse.move(box.x + 3, box.y + 3);
  await page.mouse.move(5, 5);
  await page.focus('#tab-nev');
  await settle();
  assert.equal(await shownValue(), null, 'still dismissed');
  assert.equal(await markersShown(), 0, 'still dismissed: no highlight');
  // Clicking the chart's tab keeps the point in the URL.
  await page.click('#tab-nev');
  assert.equal(await page.evaluate(() => location.hash), '#nev/nev_sales_growth');
  // A hash without a point removes `focus-point`, and the point is let go.
  await page.evaluate(() => { location.hash = '#nev'; });
  await page.waitForFunction((el) => !el.hasAttribute('focus-point'), await chart.elementHandle());
  await page.waitForFunction((el) => !el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
  assert.equal(await shownValue(), null);
  assert.equal(await markersShown(), 0, 'no highlight left');
  // A malformed hash opens nothing and throws nothing.
  await page.evaluate(() => { location.hash = '#%E0'; });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.equal(await page.getAttribute('#tab-nev', 'aria-selected'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test("reached by Tab, a chart shows its hash's point's card and says it; Tab away, it is only highlighted again; a click's focus shows nothing", async () => {
  const { page, context, errors } = await open('#nev/nev_sales_growth', { width: 800 });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  const focused = () => chart.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('role') ?? null);
  const shownValue = () => chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null);
  await page.waitForFunction(MARKERS_SHOWN, await chart.elementHandle());
  assert.equal(await shownValue(), null, 'no card at rest');
  await page.focus('#tab-nev');
  for (let i = 0; i < 5 && (await focused()) !== 'application'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'application', 'the chart is a tab stop after the tabs');
  await tipShows(page, chart, '44.1%');
  assert.match(await chart.locator('[role=status]').textContent(), /44\.1%/, 'the live region says the point');
  // The page switches the chart's language: what the live region said was the Chinese chart's.
  await chart.evaluate((el) => { window.__ready = []; el.setAttribute('lang', 'en'); });
  await ready(page, 'nev');
  assert.equal(await chart.locator('[role=status]').textContent(), '', 'the live region keeps nothing of the Chinese chart');
  await chart.evaluate((el) => { window.__ready = []; el.removeAttribute('lang'); });
  await ready(page, 'nev');
  await page.focus('#tab-nev');
  for (let i = 0; i < 5 && (await focused()) !== 'application'; i++) await page.keyboard.press('Tab');
  await tipShows(page, chart, '44.1%');
  // Tab away: back at rest, highlighted without its card.
  await page.keyboard.press('Shift+Tab');
  await page.waitForFunction((el) => !el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
  assert.ok(await chart.evaluate(MARKERS_SHOWN) > 0, 'still highlighted');
  // Focus from a mouse press on no point (the title's corner) shows no card.
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await page.mouse.click(box.x + 3, box.y + 3);
  assert.equal(await focused(), 'application', 'the click focused the chart');
  await page.mouse.move(5, 5);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  assert.equal(await shownValue(), null, 'no card from a click');
  assert.deepEqual(errors, []);
  await context.close();
});

test("without :focus-visible (Safari before 15.4, emulated: matches() throws on it), Tab reaches the chart with no card and no error, and the arrow keys show theirs", async () => {
  const init = () => {
    const matches = Element.prototype.matches;
    Element.prototype.matches = function (selector) {
      if (String(selector).includes(':focus-visible')) throw new DOMException(`'${selector}' is not a valid selector.`, 'SyntaxError');
      return matches.call(this, selector);
    };
  };
  const { page, context, errors } = await open('#nev/nev_sales_growth', { width: 800, init });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  const focused = () => chart.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('role') ?? null);
  await page.waitForFunction(MARKERS_SHOWN, await chart.elementHandle());
  await page.focus('#tab-nev');
  for (let i = 0; i < 5 && (await focused()) !== 'application'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'application', 'the chart is a tab stop after the tabs');
  // A frame and a task after the focus: no card, the point still highlighted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  assert.equal(await chart.locator('.tip.shown').count(), 0, 'no card on Tab');
  assert.ok(await chart.evaluate(MARKERS_SHOWN) > 0, 'still highlighted');
  // The keys go on from the page's point (the second row, sales) to the third.
  await page.keyboard.press('ArrowDown');
  await tipShows(page, chart, '3.8%');
  assert.ok(await chart.evaluate(MARKERS_SHOWN) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a tap on no point hides the hash's point, and it stays hidden when the finger leaves", async () => {
  const { page, context, errors } = await open('#nev/nev_sales_growth', { width: 800, hasTouch: true });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  await page.waitForFunction(MARKERS_SHOWN, await chart.elementHandle());
  const box = await chart.locator('canvas[role=application]').boundingBox();
  // The title's corner: on the canvas, in no point's row.
  await page.touchscreen.tap(box.x + 3, box.y + 3);
  await page.waitForFunction((el) => el.shadowRoot.querySelectorAll('.marker:not([hidden])').length === 0, await chart.elementHandle());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.equal(await chart.evaluate(MARKERS_SHOWN), 0, 'still not highlighted');
  assert.equal(await chart.locator('.tip.shown').count(), 0, 'no card');
  assert.deepEqual(errors, []);
  await context.close();
});

test('content inserted above a chart, without a scroll or resize, does not misplace the next hover', async () => {
  const { page, context, errors } = await open('#nev', { width: 800 });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  const bar = await chart.evaluate(FIRST_BAR);
  assert.ok(bar, 'found a bar');
  let box = await chart.locator('canvas[role=application]').boundingBox();
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(page, chart, '42.4%');
  await page.mouse.move(5, 5);
  // 120 px of content above the chart: it moves down; nothing scrolls and its width stays.
  await page.evaluate(() => {
    const note = document.createElement('div');
    note.style.height = '120px';
    document.getElementById('panel-nev').prepend(note);
  });
  box = await chart.locator('canvas[role=application]').boundingBox();
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(page, chart, '42.4%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('content removed above a chart while the pointer rests on it: the next move hovers the bar under the pointer', async () => {
  const { page, context, errors } = await open('#nev', { width: 800 });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  // 30 px above the chart, one row's pitch.
  await page.evaluate(() => {
    const note = Object.assign(document.createElement('div'), { id: 'note' });
    note.style.height = '30px';
    document.getElementById('panel-nev').prepend(note);
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(page, chart, '42.4%');
  // The note goes (an ad slot collapsing): the chart moves up a row under the resting pointer.
  await page.evaluate(() => document.getElementById('note').remove());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.mouse.move(box.x + bar.x + 1, box.y + bar.y);
  await tipShows(page, chart, '44.1%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('under an ancestor scaled with a CSS transform, hovering a bar shows that bar', async () => {
  for (const scale of ['0.5', '1, 0.5']) {
    const { page, context, errors } = await open('#nev', { width: 800 });
    await ready(page, 'nev');
    await page.evaluate((s) => { document.getElementById('panel-nev').style.cssText = `transform: scale(${s}); transform-origin: 0 0`; }, scale);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const chart = page.locator('#panel-nev zhibiao-chart');
    // In client pixels: FIRST_BAR measures against the canvas's box on screen.
    const bar = await chart.evaluate(FIRST_BAR);
    const box = await chart.locator('canvas[role=application]').boundingBox();
    await page.mouse.move(box.x + bar.x, box.y + bar.y);
    await tipShows(page, chart, '42.4%');
    assert.deepEqual(errors, [], scale);
    await context.close();
  }
});

test('after a transition around the chart ends (a card\'s zoom on hover), hovering a bar shows that bar', async () => {
  const { page, context, errors } = await open('', { width: 800 });
  await ready(page, 'growth');
  await page.addStyleTag({ content: '#panel-growth { transition: transform .3s; } #panel-growth:hover { transform: scale(1.05); }' });
  const chart = page.locator('#panel-growth zhibiao-chart');
  const box = await chart.locator('canvas[role=application]').boundingBox();
  // Onto the chart's title: the zoom starts, and the chart reads its place as it starts.
  await page.mouse.move(box.x + 40, box.y + 10);
  // The zoom's end: the panel at its full scale, no transition running; then a frame.
  await page.waitForFunction(() => getComputedStyle(document.getElementById('panel-growth')).transform === 'matrix(1.05, 0, 0, 1.05, 0, 0)' && document.getAnimations().length === 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  // The lowest bar, 3.8 % for H1 2023, as the zoomed chart shows it: a point near its bottom edge.
  const point = await chart.evaluate((el) => {
    const { canvas, context } = window.__shown(el);
    const rect = canvas.getBoundingClientRect();
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let y = height - 1; y >= 0; y -= 1) {
      const row = [...Array(width).keys()].filter((x) => data[(y * width + x) * 4] === 0x00 && data[(y * width + x) * 4 + 1] === 0x72 && data[(y * width + x) * 4 + 2] === 0xb2);
      if (row.length > 20) return { x: rect.left + (row[10] / width) * rect.width, y: rect.top + ((y - 4) / height) * rect.height };
    }
    return null;
  });
  await page.mouse.move(point.x, point.y);
  await tipShows(page, chart, '3.8%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chart moved under a resting pointer by a script (a carousel\'s element.animate, a transform set each frame) hovers the bar under the pointer', async () => {
  for (const how of ['animate', 'transform']) {
    const { page, context, errors } = await open('#nev', { width: 800 });
    await ready(page, 'nev');
    const chart = page.locator('#panel-nev zhibiao-chart');
    const bar = await chart.evaluate(FIRST_BAR);
    const box = await chart.locator('canvas[role=application]').boundingBox();
    await page.mouse.move(box.x + bar.x, box.y + bar.y);
    await tipShows(page, chart, '42.4%');
    // Up by one row's pitch, 30 px: no scroll, no resize, no transitionend or animationend.
    await page.evaluate((how) => new Promise((done) => {
      const panel = document.getElementById('panel-nev');
      if (how === 'animate') {
        panel.animate([{ transform: 'none' }, { transform: 'translateY(-30px)' }], { duration: 150, fill: 'forwards' }).finished.then(done);
        return;
      }
      let step = 0;
      const frame = () => {
        step += 1;
        panel.style.transform = `translateY(${-3 * step}px)`;
        if (step < 10) requestAnimationFrame(frame); else done();
      };
      requestAnimationFrame(frame);
    }), how);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.mouse.move(box.x + bar.x + 1, box.y + bar.y);
    await tipShows(page, chart, '44.1%');
    assert.deepEqual(errors, [], how);
    await context.close();
  }
});

test('on the page, the chart\'s text and toolbar start where the heading\'s text does, on phones and wide screens', async () => {
  // (And at 490 px with 17 px taken off the page's right, as a classic scrollbar takes it: the
  // element then narrower than 480 px, though the window is not.)
  for (const [width, scrollbar] of [[320, 0], [390, 0], [479, 0], [480, 0], [490, 17], [768, 0], [1280, 0], [1600, 0]]) {
    const { page, context, errors } = await open('', { width });
    await ready(page, 'growth');
    if (scrollbar) {
      await page.evaluate((px) => { document.body.style.paddingRight = `${px}px`; }, scrollbar);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const [heading, button, inset] = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1'));
      const el = document.querySelector('#panel-growth zhibiao-chart');
      const left = el.shadowRoot.querySelector('.toolbar button').getBoundingClientRect().left;
      return [range.getBoundingClientRect().left, left, left - el.getBoundingClientRect().left];
    });
    // The toolbar's first button starts where the chart's text does: 16 px inside the element
    // (12 px below 480 px).
    assert.equal(inset, width - scrollbar < 480 ? 12 : 16, `${width} px`);
    assert.equal(Math.round(button), Math.round(heading), `${width} px: the toolbar at ${button}, the heading at ${heading}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${width} px: nothing scrolls sideways`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('under a CSS zoom, the chart is drawn with as many more pixels, follows a change of zoom, and hovering a bar shows that bar', async () => {
  const { page, context, errors } = await open('#nev', { width: 900 });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  // Backing pixels of what is shown, and what sharpness needs: CSS px × DPR 2 × the zoom.
  const pixels = () => chart.evaluate((el) => {
    const { canvas } = window.__shown(el);
    return [canvas.width, Math.round(parseFloat(canvas.style.width) * devicePixelRatio * canvas.currentCSSZoom), parseFloat(canvas.style.width)];
  });
  const zoom = async (z) => {
    // A fixed width: the chart's width in its own CSS px stays, only its size on screen changes.
    // (The page's negative margins, which line the chart's text up with its heading, off: the
    // chart as wide as the panel.)
    await page.evaluate((v) => {
      document.getElementById('panel-nev').style.cssText = `zoom: ${v}; width: 380px`;
      document.querySelector('#panel-nev zhibiao-chart').style.marginInline = '0';
    }, z);
    await page.waitForFunction((el) => { const c = window.__shown(el).canvas; return c.width === Math.round(parseFloat(c.style.width) * devicePixelRatio * c.currentCSSZoom); },
      await chart.elementHandle(), { timeout: 5000 }).catch(() => {});
    const [backing, needed, width] = await pixels();
    assert.equal(width, 380, `zoom ${z}: laid out at the panel's 380 CSS px, not at its size on screen`);
    assert.equal(backing, needed, `zoom ${z}: backing width`);
  };
  await zoom('2');
  await zoom('1.5');
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await chart.locator('canvas[role=application]').boundingBox();
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(page, chart, '42.4%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, a pinch on the chart zooms the page and a swipe on it scrolls the page', async () => {
  const { page, context, errors } = await open('#nev', { width: 390, height: 500, hasTouch: true, isMobile: true });
  await ready(page, 'nev');
  const cdp = await context.newCDPSession(page);
  const box = await page.locator('#panel-nev zhibiao-chart canvas[role=application]').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const touches = async (frames) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: frames[0] });
    for (const points of frames.slice(1)) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(300);
  };
  const steps = [...Array(12).keys()];
  await touches(steps.map((i) => [{ x, y: y - i * 15, id: 1 }]));
  await page.waitForFunction(() => scrollY > 50, null, { timeout: 5000 }).catch(() => {});
  assert.ok(await page.evaluate(() => scrollY) > 50, 'the swipe up scrolled the page');
  await touches(steps.map((i) => [{ x: x - 20 - i * 8, y, id: 1 }, { x: x + 20 + i * 8, y, id: 2 }]));
  await page.waitForFunction(() => visualViewport.scale > 1.2, null, { timeout: 5000 }).catch(() => {});
  assert.ok(await page.evaluate(() => visualViewport.scale) > 1.2, 'the pinch zoomed the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone held sideways, a tap near the window\'s edge scrolls the page as little as shows the whole card, and the bar stays in view', async () => {
  const { page, context, errors } = await open('#growth', { width: 844, height: 390, hasTouch: true, isMobile: true });
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  const bar = await chart.evaluate(FIRST_BAR);
  // The first bar (44.1 %) 30 px above the window's bottom edge, then 30 px below its top edge.
  for (const [from, barAt] of [['bottom', 390 - 30], ['top', 30]]) {
    const box = await scrollCanvasTo(page, chart, barAt - bar.y);
    const x = box.x + bar.x;
    await page.touchscreen.tap(x, box.y + bar.y);
    await tipShows(page, chart, '44.1%');
    const shown = await shownCard(chart);
    // (Scrolling goes by whole pixels; the card's height has a fraction.)
    assert.ok(shown.top >= -1 && shown.bottom <= 391, `near the ${from}: the card ${JSON.stringify(shown)} is in the window`);
    const barTop = (await chart.locator('canvas[role=application]').boundingBox()).y + bar.y;
    assert.ok(barTop >= 0 && barTop <= 390, `near the ${from}: the bar (${barTop}) is still in the window`);
    await page.touchscreen.tap(x, barTop);
    await tipShows(page, chart, null);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap shows the same card wherever the chart is in the window: whole or brief, at one place in the chart', async () => {
  const { page, context, errors } = await open('#5g', { width: 390, height: 844, hasTouch: true, isMobile: true });
  await ready(page, '5g');
  const chart = page.locator('#panel-5g zhibiao-chart');
  // In English, whose longer words make more cards brief, in an article's column (16 px aside),
  // with room to scroll each point to the window's top, middle and foot.
  await page.evaluate(() => { window.__ready.length = 0; });
  await chart.evaluate((el) => {
    el.setAttribute('lang', 'en');
    el.style.width = '358px';
    document.body.insertAdjacentHTML('beforeend', '<div style="height: 2000px"></div>');
  });
  await ready(page, '5g');
  // Each point's shapes, from the markers the keys show (CSS px from the canvas's corner).
  const canvas = chart.locator('canvas[role=application]');
  await canvas.focus();
  const points = [];
  for (let i = 0; i < 9; i += 1) {
    await page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
    points.push(await chart.evaluate((el) => {
      const c = el.shadowRoot.querySelector('canvas[role=application]').getBoundingClientRect();
      // The point's last shape: a part's own bar over its whole's, a bar, a tile.
      const m = [...el.shadowRoot.querySelectorAll('.marker:not([hidden])')].at(-1).getBoundingClientRect();
      return { x: m.x - c.x + Math.min(m.width / 2, 5), y: m.y - c.y + m.height / 2 };
    }));
  }
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement?.blur());
  const cards = async (fraction) => {
    const seen = [];
    for (const p of points) {
      const box = await scrollCanvasTo(page, chart, fraction * 844 - p.y);
      await page.touchscreen.tap(box.x + p.x, box.y + p.y);
      await page.waitForFunction((el) => el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
      seen.push(await chart.evaluate((el) => {
        const tip = el.shadowRoot.querySelector('.tip.shown');
        const c = el.shadowRoot.querySelector('canvas[role=application]').getBoundingClientRect();
        const t = tip.getBoundingClientRect();
        return `${tip.querySelector('.value').textContent}${tip.classList.contains('brief') ? ' brief' : ''} at ${Math.round(t.x - c.x)},${Math.round(t.y - c.y)}`;
      }));
      // A tap on the card hides it.
      const shown = await shownCard(chart);
      await page.touchscreen.tap(shown.x + 5, shown.y + 5);
      await tipShows(page, chart, null);
    }
    return seen;
  };
  const middle = await cards(0.5);
  assert.equal(new Set(middle.map((c) => c.split(' at ')[0].replace(' brief', ''))).size, 9, `a card for each point: ${middle}`);
  // The point near the window's top, and near its foot.
  assert.deepEqual(await cards(0.1), middle);
  assert.deepEqual(await cards(0.9), middle);
  assert.deepEqual(errors, []);
  await context.close();
});

test('turned sideways with a tapped card open, the phone shows the card again in the window, laid out for the new width', async () => {
  const { page, context, errors } = await open('#growth', { width: 390, height: 844, hasTouch: true, isMobile: true });
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  // The second bar (NEV production, 42.4 %), in the middle of the upright window.
  const first = await chart.evaluate(FIRST_BAR);
  const box = await scrollCanvasTo(page, chart, 400 - first.y);
  const second = await chart.evaluate((el, { x, y }) => {
    // Down from the first bar to the next bar's colour, skipping its label.
    const { canvas, context } = window.__shown(el);
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const at = (cy) => context.getImageData(Math.round(x * scale), Math.round(cy * scale), 1, 1).data;
    const bar = at(y);
    let cy = y;
    while (cy < y + 40 && at(cy).join() === bar.join()) cy += 1;
    while (cy < y + 200 && at(cy).join() !== bar.join()) cy += 1;
    return { x, y: cy + 5 };
  }, first);
  await page.touchscreen.tap(box.x + second.x, box.y + second.y);
  await tipShows(page, chart, '42.4%');
  await page.setViewportSize({ width: 844, height: 390 });
  // Redrawn for the new width, with the card again.
  await page.waitForFunction((el) => el.shadowRoot.querySelector('canvas[role=application]').getBoundingClientRect().width > 600, await chart.elementHandle());
  await tipShows(page, chart, '42.4%');
  // The page scrolls to the card.
  await page.waitForFunction((el) => {
    const r = el.shadowRoot.querySelector('.tip.shown')?.getBoundingClientRect();
    return r && r.top >= -1 && r.bottom <= innerHeight + 1;
  }, await chart.elementHandle(), { timeout: 5000 }).catch(() => {});
  const shown = await shownCard(chart);
  assert.ok(shown.top >= -1 && shown.bottom <= 391, `the card ${JSON.stringify(shown)} is in the window`);
  // Turned upright again: the card, still where the wide layout put it until the chart is laid
  // out again, does not widen the page for that moment (a phone then lays the page out wider,
  // and the reader loses their place in the article).
  await page.evaluate(() => {
    window.__widths = [];
    addEventListener('resize', () => window.__widths.push(innerWidth));
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction((el) => el.shadowRoot.querySelector('canvas[role=application]').getBoundingClientRect().width < 400, await chart.elementHandle());
  await page.waitForTimeout(300);
  assert.deepEqual([...new Set(await page.evaluate(() => window.__widths))], [390], "the page laid out at the window's width");
  assert.equal(await page.evaluate(() => innerWidth), 390);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Waits until the chart `chart` (a locator) is drawn `width` px wide, and a frame more. */
const laidOutAt = (chart, width) => chart.evaluate((el, w) => new Promise((done) => {
  const check = () => (Math.abs(el.shadowRoot.querySelector('canvas[role=application]').getBoundingClientRect().width - w) < 1 ? requestAnimationFrame(() => done()) : requestAnimationFrame(check));
  check();
}), width);

test('a chart partly scrolled out of the window shows the card the mouse shows inside the window; where too little of it is in view for the whole card, a brief one', async () => {
  const { page, context, errors } = await open('#growth', { width: 1280, height: 800 });
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  // 760 px wide: the first bar's card, in view, goes against the chart's top, over its title.
  // (Room to scroll both ways: the page is shorter than the window.)
  await chart.evaluate((el) => {
    el.style.width = '760px';
    document.body.insertAdjacentHTML('beforeend', '<div style="height: 2000px"></div>');
    document.body.insertAdjacentHTML('afterbegin', '<div style="height: 1000px"></div>');
  });
  await laidOutAt(chart, 760);
  const bar = await chart.evaluate(FIRST_BAR);
  // The chart's top 40 px above the window's top edge, then its first bar 30 px above the bottom edge.
  for (const [from, canvasTop] of [['top', -40], ['bottom', 800 - 30 - bar.y]]) {
    await page.mouse.move(1, 799);
    const box = await scrollCanvasTo(page, chart, canvasTop);
    await page.mouse.move(box.x + bar.x, box.y + bar.y);
    await tipShows(page, chart, '44.1%');
    const card = await shownCard(chart);
    assert.ok(card.top >= 0 && card.bottom <= 800, `chart cut at the ${from}: the card ${JSON.stringify(card)} is in the window`);
    // Cut at the bottom, the window shows only the chart's title and first bar: a brief card,
    // with no room for the quote.
    if (from === 'bottom') {
      assert.ok(box.y + box.height > 800 + 200, `the chart ${JSON.stringify(box)} is cut at the bottom`);
      assert.ok(card.brief, 'brief');
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("in a scrolling box (a dialog's body, an app's pane), also through another component's shadow root or slot, the card the mouse shows is in the box's view, not under its edge; a modal dialog is not clipped by a box it was declared in; a body with overflow-x hidden is no such box", async () => {
  const { page, context, errors } = await open('#growth', { width: 1280, height: 800 });
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  for (const round of ['pane', 'shadow root', 'slot', 'modal dialog']) {
    // The chart, 760 px wide, in a box 320 px tall that scrolls, with a border as a dialog's
    // body has (`window.__box`): a pane in the page; a pane around another component whose
    // shadow root holds the chart; a pane inside a component's shadow root, around the slot the
    // chart is in; a modal dialog, declared inside a 40 px pane, whose view it leaves.
    await chart.evaluate((el, kind) => {
      document.getElementById('pane')?.remove();
      const scrolling = (tag) => Object.assign(document.createElement(tag), { style: 'height: 320px; width: 760px; overflow-y: auto; border: 6px solid #888; padding: 0; margin: 0' });
      const spacer = () => Object.assign(document.createElement('div'), { style: 'height: 300px' });
      const pane = scrolling('div');
      pane.id = 'pane';
      el.style.width = '760px';
      document.getElementById('panel-growth').append(pane);
      window.__box = pane;
      // (In the pane, the chart inside a box-less wrapper whose overflow is hidden: it clips nothing.)
      if (kind === 'pane') {
        const wrapper = Object.assign(document.createElement('div'), { style: 'display: contents; overflow-y: hidden' });
        wrapper.append(el);
        pane.append(spacer(), wrapper, spacer());
      }
      else if (kind === 'shadow root') {
        const host = document.createElement('div');
        pane.append(spacer(), host, spacer());
        host.attachShadow({ mode: 'open' }).append(el);
      } else if (kind === 'slot') {
        pane.style.cssText = '';
        const root = pane.attachShadow({ mode: 'open' });
        window.__box = scrolling('div');
        window.__box.append(spacer(), document.createElement('slot'), spacer());
        root.append(window.__box);
        pane.append(el);
      } else {
        // The pane 40 px tall, scrolled to its top; the dialog in the middle of the window.
        pane.style.height = '40px';
        window.__box = scrolling('dialog');
        window.__box.append(spacer(), el, spacer());
        pane.append(spacer(), window.__box, spacer());
        window.__box.showModal();
      }
    }, round);
    await laidOutAt(chart, 760);
    const bar = await chart.evaluate(FIRST_BAR);
    // The first bar (44.1 %) 30 px below the box's top edge, then 30 px above its foot: the
    // rest of the chart, above or below it, is in the window but not in the box's view.
    for (const [edge, at] of [['top', 30], ['foot', 320 - 30]]) {
      await page.mouse.move(1, 799);
      const view = await chart.evaluate((el, [barY, barAt]) => {
        const box = window.__box;
        const canvas = el.shadowRoot.querySelector('canvas[role=application]');
        const inner = box.getBoundingClientRect().top + box.clientTop;
        box.scrollTop += canvas.getBoundingClientRect().top - (inner + barAt - barY);
        return { top: inner, bottom: inner + box.clientHeight };
      }, [bar.y, at]);
      const box = await chart.locator('canvas[role=application]').boundingBox();
      assert.ok(box.y < view.top || box.y + box.height > view.bottom, `${round}, ${edge}: the chart is cut by the box`);
      await page.mouse.move(box.x + bar.x, box.y + bar.y);
      await tipShows(page, chart, '44.1%');
      const card = await shownCard(chart);
      assert.ok(card.top >= view.top - 0.5 && card.bottom <= view.bottom + 0.5, `${round}, the bar near the box's ${edge}: the card ${JSON.stringify(card)} is in the box's view ${JSON.stringify(view)}`);
    }
    await page.evaluate(() => document.querySelector('dialog')?.close());
  }
  // Out of the pane, on a page whose root and body are the window's height and whose body hides
  // what overflows across (its overflow-y is then auto, but the window scrolls): the page
  // scrolled so that the body's first window-high box ends just below the first bar, with no room
  // there for the whole card, which has room below the bar in the window.
  await chart.evaluate((el) => {
    document.documentElement.style.height = '100%';
    document.body.style.cssText = 'height: 100%; overflow-x: hidden';
    document.getElementById('panel-growth').append(Object.assign(document.createElement('div'), { style: 'height: 400px' }), el,
      Object.assign(document.createElement('div'), { style: 'height: 1600px' }));
    document.getElementById('pane').remove();
  });
  await laidOutAt(chart, 760);
  const bar = await chart.evaluate(FIRST_BAR);
  await page.mouse.move(1, 799);
  const box = await scrollCanvasTo(page, chart, 380 - bar.y);
  const body = await page.evaluate(() => document.body.getBoundingClientRect().toJSON());
  assert.ok(body.top <= 380 && body.bottom >= 380 && body.bottom < 380 + 150, `the body's first box ${JSON.stringify(body)} holds the bar, not the card below it`);
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  await tipShows(page, chart, '44.1%');
  const card = await shownCard(chart);
  assert.ok(card.top >= 0 && card.bottom <= 800, `the card ${JSON.stringify(card)} is in the window`);
  assert.ok(!card.brief, 'the whole card, with its quote');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the charts follow their container, not the window', async () => {
  const { page, context } = await open('', { width: 1200 });
  await ready(page, 'growth');
  await page.evaluate(() => { document.querySelector('#panel-growth zhibiao-chart').style.width = '420px'; });
  // Redrawn for the new width: what the reader sees is 420 CSS px wide and backed by 840 device px
  // (DPR 2). The box alone would pass at once: the canvas is max-width 100%.
  await page.waitForFunction(() => {
    const { canvas } = window.__shown(document.querySelector('#panel-growth zhibiao-chart'));
    return canvas.getBoundingClientRect().width === 420 && canvas.width === 840;
  }, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.innerWidth), 1200, 'the window did not change');
  await context.close();
});

test('printing the page prints all three charts, drawn as shapes, at a page\'s width, not only the open tab; the tabs come back after; the text prints dark in dark mode', async () => {
  const { page, context, errors } = await open('', { width: 1000 });
  await ready(page, 'growth');
  // Everything happens in the beforeprint event: nothing else runs before the page prints.
  const printed = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const charts = ['growth', '5g', 'nev'].map((key) => {
      const el = document.querySelector(`#panel-${key} zhibiao-chart`);
      const { canvas } = window.__shown(el);
      // The canvas drawn for print, which Chromium prints as shapes, not the view's bitmap.
      const shapes = canvas.getAttribute('role') === 'application';
      return { key, hidden: document.getElementById(`panel-${key}`).hidden, shapes, backing: canvas.width, css: el.getBoundingClientRect().width };
    });
    window.dispatchEvent(new Event('afterprint'));
    return charts;
  });
  for (const { key, hidden, shapes, backing, css } of printed) {
    assert.equal(hidden, false, `${key} is printed`);
    assert.ok(shapes, `${key} is printed as shapes`);
    // Laid out for a page, whatever its width on screen: the desktop's layout, scaled down to the
    // paper, set its text small.
    assert.ok(css > 900 && backing === 680 * 2, `${key} is drawn at a page's width: ${backing} for ${css} CSS px on screen`);
  }
  assert.deepEqual(await page.evaluate(() => ['growth', '5g', 'nev'].map((key) => document.getElementById(`panel-${key}`).hidden)), [false, true, true]);
  // Paper is light: a reader in dark mode prints dark text, not dark mode's pale grey.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).color), 'rgb(26, 26, 26)', 'the heading prints dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('printed to PDF, the page\'s three charts are shapes, not images: the hidden tabs\' too', async () => {
  const { page, context, errors } = await open('', { width: 1000 });
  await ready(page, 'growth');
  // Chromium's own print: beforeprint, the PDF, afterprint.
  const bytes = await page.pdf();
  const pdf = bytes.toString('latin1');
  assert.ok(pdf.startsWith('%PDF'), 'a PDF');
  assert.deepEqual(pdf.match(/\/Subtype\s*\/Image/g), null, 'no image in it');
  // And the bars are in it as rectangles (` re`, in the page's compressed content streams): at
  // least one per point of the three charts (9, 8 and 3). (That each chart is drawn for print is
  // the test before.)
  let rectangles = 0;
  for (const m of pdf.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    try {
      rectangles += (inflateSync(bytes.subarray(start, pdf.indexOf('endstream', start))).toString('latin1').match(/ re\b/g) ?? []).length;
    } catch {
      // Not a deflated stream (a font's, say).
    }
  }
  assert.ok(rectangles >= 20, `${rectangles} rectangles`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('printed to PDF from a phone-width window, the page starts its charts on the first page: two pages, not a first page blank but for the heading and three in all', async () => {
  // Without the toolbar on paper, each plot's break-after: avoid passed to its element's end
  // and bound the three charts together, which then went past the first page.
  const { page, context, errors } = await open('', { width: 390 });
  await ready(page, 'growth');
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal(pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length, 2, 'pages');
  assert.deepEqual(errors, []);
  await context.close();
});

test('pinch-zoomed in on a phone, a tap shows its point\'s card without moving the view: the reader who zoomed moves it', async () => {
  const { page, context, errors } = await open('#growth', { width: 412, height: 839, hasTouch: true, isMobile: true });
  await ready(page, 'growth');
  // An article's length below the chart, so that the page can scroll either way.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { style: 'height: 3000px' })));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2.5 });
  const chart = page.locator('#panel-growth zhibiao-chart');
  const bar = await chart.evaluate(FIRST_BAR);
  // The first bar near the bottom of what the zoomed view shows, at its left.
  const view = () => page.evaluate(() => [visualViewport.scale, Math.round(visualViewport.pageLeft), Math.round(visualViewport.pageTop)]);
  await chart.evaluate((el, y) => {
    const box = window.__shown(el).canvas.getBoundingClientRect();
    scrollTo(0, scrollY + box.top + y - visualViewport.height * 0.85);
  }, bar.y);
  // Settled: the view the same over three frames.
  await page.evaluate(() => new Promise((resolve) => {
    let last = null;
    let same = 0;
    const check = () => {
      const now = `${visualViewport.pageLeft},${visualViewport.pageTop},${visualViewport.scale}`;
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 3) resolve(); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }));
  const before = await view();
  assert.equal(before[0], 2.5, 'zoomed in');
  const at = await chart.evaluate((el, b) => {
    const box = window.__shown(el).canvas.getBoundingClientRect();
    return [box.left + b.x - visualViewport.offsetLeft, box.top + b.y - visualViewport.offsetTop];
  }, bar);
  await page.touchscreen.tap(at[0], at[1]);
  await chart.locator('.tip.shown').waitFor();
  assert.equal(await chart.locator('.tip.shown .value').textContent(), '44.1%', 'its card');
  await page.waitForTimeout(300);
  assert.deepEqual(await view(), before, 'the view stays where the reader put it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a window smaller than the chart (a laptop zoomed to 200 %), the page scrolls to show the card the keys reach, both ways', async () => {
  const { page, context } = await open('#growth', { width: 640, height: 400 });
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  const inView = async (value) => page.waitForFunction(([el, v]) => {
    const card = el.shadowRoot.querySelector('.tip.shown');
    const r = card?.getBoundingClientRect();
    // (Within a pixel: the card's edge may fall between two.)
    return card?.querySelector('.value').textContent === v && r.top >= -1 && r.bottom <= innerHeight + 1;
  }, [await chart.elementHandle(), value], { timeout: 5000 });
  assert.ok(await chart.evaluate((el) => el.getBoundingClientRect().height > innerHeight), 'the chart is taller than the window');
  await chart.locator('canvas[role=application]').focus();
  // The last point, the second panel's H1 2023 bar, near the chart's foot.
  await page.keyboard.press('End');
  await inView('3.8%');
  // And back to the first, near its head.
  await page.keyboard.press('Home');
  await inView('44.1%');
  await context.close();
});

test('on a laptop zoomed to 200 %, the keys scroll the page to show both the card and its point where the two fit, also where the page scrolls smoothly', async () => {
  for (const smooth of [false, true]) {
    const { page, context } = await open('#5g', { width: 640, height: 360 });
    await ready(page, '5g');
    // (One scroll to both: a second smooth scroll would start from where the first began.)
    if (smooth) await page.addStyleTag({ content: 'html { scroll-behavior: smooth }' });
    const chart = page.locator('#panel-5g zhibiao-chart');
    await chart.locator('canvas[role=application]').focus();
    // The last point, a tile at the chart's foot, whose card goes above it; then the first.
    for (const key of ['End', 'Home']) {
      await page.keyboard.press(key);
      await page.waitForFunction((el) => {
        const inside = (r) => r.top >= -1 && r.bottom <= innerHeight + 1;
        const card = el.shadowRoot.querySelector('.tip.shown')?.getBoundingClientRect();
        const marker = [...el.shadowRoot.querySelectorAll('.marker')].find((m) => !m.hidden)?.getBoundingClientRect();
        return card && marker && inside(card) && inside(marker);
      }, await chart.elementHandle(), { timeout: 5000 }).catch(() => assert.fail(`${key}, smooth ${smooth}: the card or its point is out of the window`));
    }
    await context.close();
  }
});

test('the point the keys reach has a ring in the text\'s colour around it (its colour alone is close in lightness to the other bars\'); hover alone draws none', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, errors } = await open('#growth', { width: 800, colorScheme });
    await ready(page, 'growth');
    const chart = page.locator('#panel-growth zhibiao-chart');
    const canvas = chart.locator('canvas[role=application]');
    const ring = () => chart.evaluate((el) => {
      const marker = [...el.shadowRoot.querySelectorAll('.marker')].find((m) => !m.hidden);
      return marker && [getComputedStyle(marker).boxShadow, getComputedStyle(el.shadowRoot.querySelector('.plot')).color];
    });
    const box = await canvas.boundingBox();
    // (FIRST_BAR finds the light theme's bar colour.)
    if (colorScheme === 'light') {
      const bar = await chart.evaluate(FIRST_BAR);
      await page.mouse.move(box.x + bar.x, box.y + bar.y);
      await tipShows(page, chart, '44.1%');
      assert.equal((await ring())[0], 'none', 'hovered: no ring');
      await page.mouse.move(1, 1);
    }
    await canvas.focus();
    await page.keyboard.press('End');
    await tipShows(page, chart, '3.8%');
    const [shadow, text] = await ring();
    assert.ok(shadow.includes(text) && shadow.includes('4px'), `keyed: ${shadow} in ${text} (${colorScheme})`);
    if (colorScheme === 'light') {
      // The mouse over another bar while the canvas keeps the keyboard's focus: that bar, no ring.
      const bar = await chart.evaluate(FIRST_BAR);
      await page.mouse.move(box.x + bar.x, box.y + bar.y);
      await tipShows(page, chart, '44.1%');
      assert.equal((await ring())[0], 'none', 'hovered with the focus on the canvas: no ring');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  // One ring for the 5G base stations' bar, not one for each shape over it (its part, the gap).
  const { page, context } = await open('#5g', { width: 800 });
  await ready(page, '5g');
  const chart = page.locator('#panel-5g zhibiao-chart');
  await chart.locator('canvas[role=application]').focus();
  await page.keyboard.press('Home');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
  const rings = await chart.evaluate((el) => [...el.shadowRoot.querySelectorAll('.marker')].filter((m) => !m.hidden).map((m) => getComputedStyle(m).boxShadow !== 'none'));
  assert.ok(rings.length > 1, `the bar's shapes: ${rings}`);
  assert.deepEqual(rings.filter(Boolean).length, 1, `rings: ${rings}`);
  await context.close();
});

test("a screen reader reads the chart's description once, as text after its heading and before the canvas (browse modes read no aria-describedby), the canvas described by its keys (not read as text too), without the card on show", async () => {
  const { page, context } = await open('#nev', { width: 800 });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('#desc').textContent, await chart.elementHandle());
  const [desc, keys] = await chart.evaluate((el) => ['#desc', '#keys'].map((s) => el.shadowRoot.querySelector(s).textContent));
  assert.ok(desc.includes('42.4%') && desc.endsWith('2023年7月19日。'), desc);
  assert.equal(keys, '用方向键逐项查看。');
  const cdp = await context.newCDPSession(page);
  const read = async () => {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const shown = nodes.filter((n) => !n.ignored);
    // In the tree's order (depth first, as a screen reader's browse mode reads it).
    const at = (n) => shown.indexOf(n);
    const canvas = shown.find((n) => n.role?.value === 'application' && n.name?.value.startsWith('新能源汽车'));
    const asText = shown.filter((n) => n.role?.value === 'StaticText' && n.name?.value === desc);
    const keysText = shown.filter((n) => n.role?.value === 'StaticText' && n.name?.value === keys);
    const heading = shown.find((n) => n.role?.value === 'heading' && n.name?.value === canvas?.name?.value);
    return {
      description: canvas?.description?.value,
      asText: asText.length,
      keysAsText: keysText.length,
      inOrder: asText.length === 1 && at(heading) >= 0 && at(heading) < at(asText[0]) && at(asText[0]) < at(canvas),
      describedWithIt: shown.filter((n) => n.description?.value?.includes(desc)).length,
    };
  };
  const expected = { description: keys, asText: 1, keysAsText: 0, inOrder: true, describedWithIt: 0 };
  assert.deepEqual(await read(), expected);
  await chart.locator('canvas[role=application]').focus();
  await page.keyboard.press('End');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
  assert.deepEqual(await read(), expected, 'a card on show is not read as part of it');
  await context.close();
});

test('a point the keys reached stays, as a click does: the mouse over another bar shows that one, then the keyed point comes back; the keys and a copied link go on from it; focus leaving lets go of it', async () => {
  const { page, context, chart, box, first } = await keyedToTheLastPoint({ width: 1000 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const shown = (value) => tipShows(page, chart, value);
  // Over the first bar, its card; over the title's corner (no point), the keyed card again.
  await page.mouse.move(first.x, first.y);
  await shown('44.1%');
  await page.mouse.move(box.x + 3, box.y + 3);
  await shown('3.8%');
  // Out of the chart, it stays (on the way to Copy link).
  await page.mouse.move(first.x, first.y);
  await shown('44.1%');
  await page.mouse.move(box.x + box.width + 8, box.y + box.height / 2);
  await shown('3.8%');
  // The keys go on from their own point, not from the bar the mouse shows meanwhile (which the
  // live region never said): from the last point, one back.
  await page.mouse.move(first.x, first.y);
  await shown('44.1%');
  await page.keyboard.press('ArrowLeft');
  await shown('3.0%');
  await page.keyboard.press('End');
  await shown('3.8%');
  // The mouse rests on another bar while the keys go on to Copy link: the link names the keyed
  // point, not the hovered one.
  await page.mouse.move(first.x + 2, first.y);
  await shown('44.1%');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
  assert.equal(await chart.evaluate((el) => el.shadowRoot.activeElement?.textContent), '复制链接');
  await page.keyboard.press('Enter');
  await clipboardHolds(page, `${server.url}/index.html#growth/industry_value_added_growth@2`);
  // Focus left: the keyed point is let go, and the mouse off the bars shows nothing.
  await page.mouse.move(box.x + 3, box.y + 3);
  await shown(null);
  await context.close();
});

test("after Escape dismisses a shared link's point, a copied link still names it, as the page's URL does", async () => {
  const { page, context } = await open('#nev/nev_sales_growth', { width: 1000 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await ready(page, 'nev');
  const chart = page.locator('#panel-nev zhibiao-chart');
  await chart.locator('canvas[role=application]').focus();
  await page.keyboard.press('End');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
  await page.keyboard.press('Escape');
  await page.waitForFunction((el) => !el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle());
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
  assert.equal(await chart.evaluate((el) => el.shadowRoot.activeElement?.textContent), '复制链接');
  await page.keyboard.press('Enter');
  await clipboardHolds(page, `${server.url}/index.html#nev/nev_sales_growth`);
  await context.close();
});

test('on a phone with a keyboard, the arrows go on from the point last tapped, also after a second tap hid its card', async () => {
  const { page, context, chart, first } = await keyedToTheLastPoint({ width: 800, hasTouch: true });
  await page.touchscreen.tap(first.x, first.y);
  await tipShows(page, chart, '44.1%');
  await page.touchscreen.tap(first.x, first.y);
  await tipShows(page, chart, null);
  // From the first bar, the next: not from the last point the keys reached.
  await page.keyboard.press('ArrowRight');
  await tipShows(page, chart, '42.4%');
  await context.close();
});

test('the arrows go on from the point last reached by keys, a click or a tap: not from one the mouse hovers meanwhile, nor from the page\'s point at rest', async () => {
  const { page, context } = await open('#growth/nev_sales_growth', { width: 1000 });
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  const canvas = chart.locator('canvas[role=application]');
  // The live region says which point the keys reached: "…第3项，共9项。" is the third.
  const said = async (nth) => page.waitForFunction(([el, n]) => el.shadowRoot.querySelector('[role=status]')?.textContent.includes(`第${n}项`), [await chart.elementHandle(), nth]);
  // Where the first two bars are, from the highlight the keys put over them.
  const highlighted = () => chart.evaluate((el) => {
    const r = [...el.shadowRoot.querySelectorAll('.marker')].find((m) => !m.hidden).getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await canvas.focus();
  await page.keyboard.press('Home');
  await tipShows(page, chart, '44.1%');
  const first = await highlighted();
  await page.keyboard.press('ArrowRight');
  await tipShows(page, chart, '42.4%');
  const second = await highlighted();
  // Keys at the second point, Escape, the mouse over the first: the arrow goes to the third.
  // (Escape empties the live region: it no longer says a point no longer shown.)
  await page.keyboard.press('Escape');
  await tipShows(page, chart, null);
  assert.equal(await chart.evaluate((el) => el.shadowRoot.querySelector('[role=status]').textContent), '');
  await page.mouse.move(first.x, first.y);
  await tipShows(page, chart, '44.1%');
  await page.keyboard.press('ArrowRight');
  await said(3);
  // A click on the first bar, the mouse over the second: the arrow goes to the second.
  await page.mouse.click(first.x, first.y);
  await page.mouse.move(second.x, second.y);
  await tipShows(page, chart, '42.4%');
  await page.keyboard.press('ArrowRight');
  await said(2);
  // A click on the second bar and a second click letting go: back at the page's point (the
  // first), the arrow goes on from the second, to the third.
  await page.mouse.click(second.x, second.y);
  await page.mouse.click(second.x, second.y);
  await page.mouse.move(5, 5);
  await tipShows(page, chart, null);
  await page.keyboard.press('ArrowRight');
  await said(3);
  await context.close();
});

test('tabs are reachable and operable by keyboard', async () => {
  const { page, context } = await open('', { width: 800 });
  await page.focus('#tab-growth');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-5g');
  assert.equal(await page.getAttribute('#tab-5g', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => location.hash), '#5g', 'the URL follows, as it does for a click');
  await ready(page, '5g');
  await context.close();
});

test('hovering across a chart draws nothing on any canvas: only the marker and the card change', async () => {
  const { page, context, errors } = await open('', { width: 800 });
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  await page.waitForFunction((el) => window.__shown(el).canvas.classList.contains('view'), await chart.elementHandle());
  // Every call of every 2D, offscreen 2D and bitmap-renderer context method, by name.
  await page.evaluate(() => {
    window.__calls = {};
    for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype, ImageBitmapRenderingContext.prototype]) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const { value } = Object.getOwnPropertyDescriptor(proto, name);
        if (typeof value !== 'function' || name === 'constructor') continue;
        proto[name] = function (...args) { window.__calls[name] = (window.__calls[name] ?? 0) + 1; return value.apply(this, args); };
      }
    }
  });
  const box = await chart.locator('canvas[role=application]').boundingBox();
  const seen = new Set();
  for (let i = 0; i < 200; i++) {
    await page.mouse.move(box.x + box.width * (0.2 + 0.6 * ((i * 7) % 200) / 200), box.y + box.height * (i / 200));
    if (i % 20 === 0) seen.add(await chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null));
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  seen.delete(null);
  assert.ok(seen.size >= 3, `the sweep showed several points' cards: ${[...seen]}`);
  assert.deepEqual(await page.evaluate(() => window.__calls), {}, 'no canvas drawn while hovering');
  // The counting itself works: a change of colour scheme redraws, and is counted.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => (window.__calls.fillText ?? 0) > 0, null, { timeout: 2000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the browser's context menu on a chart saves and copies the chart: the canvas under the pointer holds what the view shows; a right-click pins no point", async () => {
  const { page, context, errors } = await open('', { width: 800 });
  await ready(page, 'growth');
  const chart = page.locator('#panel-growth zhibiao-chart');
  await page.waitForFunction((el) => window.__shown(el).canvas.classList.contains('view'), await chart.elementHandle());
  const canvas = chart.locator('canvas[role=application]');
  // "Save image as" and "Copy image" read the element under the pointer, the drawn canvas (the
  // view lets events through to it), when the reader picks them: after the event.
  const differing = () => chart.evaluate((el) => {
    const drawn = el.shadowRoot.querySelector('canvas[role=application]');
    const shown = window.__shown(el);
    if (drawn.width !== shown.canvas.width || drawn.height !== shown.canvas.height) return `${drawn.width}×${drawn.height} against ${shown.canvas.width}×${shown.canvas.height}`;
    const a = drawn.getContext('2d').getImageData(0, 0, drawn.width, drawn.height).data;
    const b = shown.context.getImageData(0, 0, drawn.width, drawn.height).data;
    let n = 0;
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) n += 1;
    return n;
  });
  const bar = await chart.evaluate(FIRST_BAR);
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + bar.x, box.y + bar.y, { button: 'right' });
  assert.equal(await differing(), 0, 'the canvas a context menu saves holds the chart shown');
  // The right-click's hover card goes with the mouse: not pinned as a click's is.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
  await page.waitForFunction((el) => !el.shadowRoot.querySelector('.tip.shown'), await chart.elementHandle(), { timeout: 2000 });
  // The next draw hands its picture to the view again, and the context menu finds it there too.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((el) => window.__corner(el) === '16181c' && window.__shown(el).canvas.classList.contains('view')
    && el.shadowRoot.querySelector('canvas[role=application]').width === 0, await chart.elementHandle());
  await page.mouse.click(box.x + bar.x, box.y + bar.y, { button: 'right' });
  assert.equal(await differing(), 0, 'after a redraw too');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [colorScheme, ring] of [['light', [0x00, 0x72, 0xb2]], ['dark', [0x56, 0xb4, 0xe9]]]) {
  test(`reached by Tab, a chart shows a focus ring around it (${colorScheme})`, async () => {
    const { page, context, errors } = await open('', { width: 800, colorScheme });
    await ready(page, 'growth');
    const chart = page.locator('#panel-growth zhibiao-chart');
    const focused = () => chart.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('role') ?? null);
    await page.focus('#tab-growth');
    for (let i = 0; i < 5 && (await focused()) !== 'application'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'application', 'the chart is a tab stop after the tabs');
    // The ring as painted: the screen's pixels in a strip along the chart's left edge, inside it
    // (where nothing around the chart can clip it).
    const box = await chart.locator('canvas[role=application]').boundingBox();
    const strip = async () => {
      const png = await page.screenshot({ clip: { x: box.x, y: box.y + box.height / 2, width: 6, height: 1 } });
      return page.evaluate(async (b64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
        context.drawImage(bitmap, 0, 0);
        const { data } = context.getImageData(0, 0, bitmap.width, 1);
        return Array.from({ length: bitmap.width }, (_, i) => [...data.slice(i * 4, i * 4 + 3)]);
      }, png.toString('base64'));
    };
    const ringed = (pixels) => pixels.filter((p) => p.every((v, i) => Math.abs(v - ring[i]) <= 2)).length;
    // At DPR 2, 6 CSS px are 12 device px, of which the 3 px ring is 6.
    assert.ok(ringed(await strip()) >= 5, `a ring in ${ring} beside the chart: ${JSON.stringify(await strip())}`);
    // Focus from a click shows no ring (focus-visible): focus leaves (a click on the page's
    // heading), then a click on the chart focuses it again.
    await page.click('h1');
    assert.equal(await focused(), null);
    await page.mouse.click(box.x + 2, box.y + 2);
    assert.equal(await focused(), 'application');
    assert.equal(ringed(await strip()), 0, 'no ring after a click');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the growth chart keeps the wasm in one 64 KiB page of linear memory (16 KiB stack, data, heap), every chart in two; the stack stays under half its size', async () => {
  for (const [chart, pages] of [['growth', 1], ['5g', 2], ['nev', 2]]) {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.addInitScript(RECORD_READY);
    await page.goto(`${server.url}/embed.html?chart=${chart}`);
    await ready(page, chart);
    // Hover every row, so the tooltips' strings are on the heap too.
    const box = await page.locator('zhibiao-chart canvas[role=application]').boundingBox();
    const shownValue = () => page.evaluate(() => document.querySelector('zhibiao-chart').shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null);
    const hovered = new Set();
    for (let y = box.y + 4; y < box.y + box.height; y += 6) {
      for (const x of [0.2, 0.5, 0.8]) await page.mouse.move(box.x + box.width * x, y);
      hovered.add(await shownValue());
    }
    hovered.delete(null);
    // (The sweep did show cards: the NEV chart has three points.)
    assert.ok(hovered.size >= 3, `${chart}: cards seen while hovering: ${[...hovered].join(', ')}`);
    // The keys, and the table written and shown, too.
    await page.locator('zhibiao-chart canvas[role=application]').focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'End', 'Home']) await page.keyboard.press(key);
    await page.waitForFunction(() => document.querySelector('zhibiao-chart').shadowRoot.querySelector('.tip.shown'));
    const table = page.locator('zhibiao-chart').getByRole('button').first();
    await table.click();
    assert.equal(await table.getAttribute('aria-pressed'), 'true', `${chart}: the table shown`);
    const [bytes, stackBytes] = await page.evaluate(async () => {
      const { buffer } = (await (await import('./pkg/zhibiao.js')).default()).memory;
      // The stack comes first and grows down from 16 KiB (.cargo/config.toml) to 0, where an
      // overflow traps; memory starts zeroed, so the lowest written byte bounds its depth.
      const stack = new Uint8Array(buffer, 0, 16384);
      return [buffer.byteLength, stack.length - stack.findIndex((b) => b !== 0)];
    });
    // A larger dataset or a bigger heap shows here first: the memory budget of the benchmark (README).
    assert.ok(bytes <= pages * 64 * 1024, `${chart}: linear memory is ${bytes / 1024} KiB`);
    // A deeper call path (a recursion, a large value on the stack) shows here before it traps.
    assert.ok(stackBytes > 0 && stackBytes <= 8192, `${chart}: ${stackBytes} B of the stack written`);
    console.log(`# ${chart}: ${bytes / 1024} KiB of wasm memory, ${stackBytes} B of stack`);
    await context.close();
  }
});

test('the preload hints fetch the glue, its helper and the wasm once, alongside the entry', async () => {
  for (const page of ['index.html', 'embed.html?chart=growth']) {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const tab = await context.newPage();
    const warnings = [];
    tab.on('console', (m) => { if (/preload/i.test(m.text())) warnings.push(m.text()); });
    await tab.addInitScript(RECORD_READY);
    await tab.goto(`${server.url}/${page}`);
    await ready(tab, 'growth');
    const entries = await tab.evaluate(() => performance.getEntriesByType('resource')
      .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd })));
    const fetched = entries.map((e) => e.path);
    const entry = entries.find((e) => e.path === '/zhibiao.js');
    for (const file of ['/zhibiao.js', '/pkg/zhibiao.js', '/pkg/element.js', '/pkg/zhibiao_bg.wasm']) {
      // A hint that does not match the request the entry makes would fetch the file twice.
      const requests = entries.filter((e) => e.path === file);
      assert.equal(requests.length, 1, `${page}: ${file} fetched once (${fetched.join(', ')})`);
      // Requested before the entry arrived: from the hints, not from the entry's code.
      if (file !== '/zhibiao.js') assert.ok(requests[0].start <= entry.end, `${page}: ${file} requested at ${requests[0].start} ms, the entry arrived at ${entry.end} ms`);
    }
    assert.deepEqual(warnings, [], `${page}: no unused or mismatched preload`);
    await context.close();
  }
});

test('the entry resolves, while the wasm loads, every font the charts then use', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    window.__fonts = [];
    const set = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font').set;
    Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', {
      set(v) { window.__fonts.push([v, !!customElements.get('zhibiao-chart')]); set.call(this, v); },
      get: Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font').get,
    });
  });
  await tab.addInitScript(RECORD_READY);
  await tab.goto(`${server.url}/index.html`);
  for (const chart of ['growth', '5g', 'nev']) {
    await tab.click(`#tab-${chart}`);
    await ready(tab, chart);
  }
  const fonts = await tab.evaluate(() => window.__fonts);
  const warmed = new Set(fonts.filter(([, defined]) => !defined).map(([f]) => f));
  const used = new Set(fonts.filter(([, defined]) => defined).map(([f]) => f));
  assert.ok(warmed.size >= 5, `fonts resolved before the element was defined: ${[...warmed].join(' | ')}`);
  assert.ok(used.size > 0, 'the charts used fonts');
  for (const font of used) assert.ok(warmed.has(font), `${font} is used by a chart but was not resolved early`);
  await context.close();
});
