// Debian's Chromium, driven by playwright-core (which never downloads a browser).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/** Each launch gets a fresh temporary profile from playwright (it forbids --user-data-dir here). */
export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
}

/** Records every `chart-ready` event of the page in window.__ready, from before any script runs. */
export const RECORD_READY = () => {
  window.__ready = [];
  document.addEventListener('chart-ready', (e) => window.__ready.push(e.detail.chart));
};

/** Defines window.__shown(el): a 2D context holding a copy of what the chart `el` shows (its view,
 * a bitmaprenderer canvas, once that has taken over after the first paint; its drawn canvas until
 * then), with `canvas` the shown canvas. A bitmaprenderer canvas cannot be read directly. */
export const SHOWN = () => {
  window.__shown = (el) => {
    const canvas = el.shadowRoot.querySelector('canvas.view:not([hidden])') ?? el.shadowRoot.querySelector('canvas');
    const scratch = document.createElement('canvas');
    [scratch.width, scratch.height] = [canvas.width, canvas.height];
    const context = scratch.getContext('2d');
    context.drawImage(canvas, 0, 0);
    return { canvas, context };
  };
  /** The top-left pixel of what the chart `el` shows, as hex: its background (theme.rs: ffffff
   * light, 16181c dark). */
  window.__corner = (el) => [...window.__shown(el).context.getImageData(1, 1, 1, 1).data.slice(0, 3)]
    .map((v) => v.toString(16).padStart(2, '0')).join('');
};

/** For `addInitScript`: `window.__lines(node)`, how many lines the text inside `node` runs over,
 * or of a text node from `from` to `to` (`window.__lines(text, from, to)`), by the distinct tops
 * of its boxes. */
export const LINES = () => {
  window.__lines = (node, from, to) => {
    const range = document.createRange();
    if (from === undefined) range.selectNodeContents(node);
    else {
      range.setStart(node, from);
      range.setEnd(node, to);
    }
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
};

/** For `locator.evaluate`: a point inside the first bar from the top of the chart `el` (in the
 * growth and NEV charts, the first row's main-colour bar), in client px from the top-left corner
 * of the canvas's box on screen (CSS px unless an ancestor is transformed); null if none is
 * shown. Needs SHOWN. */
export const FIRST_BAR = (el) => {
  const { canvas, context } = window.__shown(el);
  const box = canvas.getBoundingClientRect();
  // Backing pixels per client pixel, across and down (not the same under a non-uniform transform).
  const [scaleX, scaleY] = [canvas.width / box.width, canvas.height / box.height];
  const { data, width } = context.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] === 0x00 && data[i + 1] === 0x72 && data[i + 2] === 0xb2) {
      return { x: ((i / 4) % width) / scaleX + 20 / (scaleX / devicePixelRatio), y: Math.floor(i / 4 / width) / scaleY + 5 / (scaleY / devicePixelRatio) };
    }
  }
  return null;
};

/** A hostile page: reading offsetWidth throws, and the pointer moves over the first bar of the
 * chart `chart` (a locator), whose tooltip the wasm then lays out, so the wasm fails. Resets
 * `__ready` first; `window.__offsetWidth` keeps the real property, to put back. Needs SHOWN. */
export async function failOnHover(page, chart) {
  await page.evaluate(() => {
    window.__ready = [];
    window.__offsetWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth');
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get() { throw new Error('forced failure'); } });
  });
  const box = await chart.locator('canvas[role=application]').boundingBox();
  const bar = await chart.evaluate(FIRST_BAR);
  assert.ok(bar, 'found a bar');
  await page.mouse.move(box.x + bar.x, box.y + bar.y);
  return { chart, box, bar };
}

/** The value on the card of the point the chart `chart` (a locator) highlights at rest, such as
 * the page's `focus-point`, which shows no card: the mouse goes over the highlighted bar or tile,
 * its card is read, and the mouse leaves to the viewport's bottom-left corner (outside the chart)
 * until the chart is back at rest, highlighted without a card. Needs a mouse. */
export async function markedValue(page, chart) {
  const handle = await chart.elementHandle();
  await page.waitForFunction((el) => [...el.shadowRoot.querySelectorAll('.marker')].some((m) => !m.hidden), handle);
  const at = await chart.evaluate((el) => {
    const r = [...el.shadowRoot.querySelectorAll('.marker')].find((m) => !m.hidden).getBoundingClientRect();
    return { x: r.x + Math.min(5, r.width / 2), y: r.y + r.height / 2 };
  });
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.tip.shown .value'), handle);
  const value = await chart.evaluate((el) => el.shadowRoot.querySelector('.tip.shown .value').textContent);
  await page.mouse.move(1, page.viewportSize().height - 1);
  await page.waitForFunction((el) => !el.shadowRoot.querySelector('.tip.shown')
    && [...el.shadowRoot.querySelectorAll('.marker')].some((m) => !m.hidden), handle);
  return value;
}

/** How many markers (the highlight of a focused point) the chart `el` shows (none before it is
 * mounted); for `evaluate`. */
export const MARKERS_SHOWN = (el) => [...el.shadowRoot?.querySelectorAll('.marker') ?? []].filter((m) => !m.hidden).length;

/** A Latin font file for the font tests to serve as a page's own (fonts-dejavu-core, which
 * `make setup` installs, or fonts-liberation). */
export const PAGE_FONT_FILE = ['/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf'].find(existsSync);

/** Counts the page's canvas draws from now on in window.__draws (each draw sets the context's
 * transform first); for `addInitScript` or to run in the page. */
export const COUNT_DRAWS = () => {
  window.__draws = 0;
  const { setTransform } = CanvasRenderingContext2D.prototype;
  CanvasRenderingContext2D.prototype.setTransform = function (...a) { window.__draws += 1; return setTransform.apply(this, a); };
};

/** Empties the clipboard, so that a copy of the same text as the last one shows in it. */
export const clearClipboard = (p) => p.evaluate(() => navigator.clipboard.writeText(''));

/** Waits until the clipboard holds `text`, and fails with what it holds otherwise. (Not
 * waitForFunction: it takes the promise that `readText` returns as a truthy value at once.) */
export async function clipboardHolds(p, text, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  let held;
  do {
    held = await p.evaluate(() => navigator.clipboard.readText());
    if (held === text) return;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < until);
  assert.equal(held, text, 'the clipboard');
}

/** Waits until the chart `locator` shows the tooltip whose value is `text` (null: no tooltip). */
export const tipShows = async (page, locator, text) => page.waitForFunction(
  ([el, t]) => (el.shadowRoot.querySelector('.tip.shown .value')?.textContent ?? null) === t, [await locator.elementHandle(), text]);

/** Scrolls the page so that the top of the chart `chart`'s canvas (a locator, also in a frame)
 * is `top` px from the window's top (negative: above it); the canvas's box then. */
export async function scrollCanvasTo(page, chart, top) {
  const canvas = chart.locator('canvas[role=application]');
  await page.evaluate((dy) => scrollBy(0, dy), (await canvas.boundingBox()).y - top);
  return canvas.boundingBox();
}

/** The box, in its window, of the card the chart `chart` (a locator) shows, and whether it is
 * brief (`brief`); null if none. */
export const shownCard = (chart) => chart.evaluate((el) => {
  const card = el.shadowRoot.querySelector('.tip.shown');
  return card && { ...card.getBoundingClientRect().toJSON(), brief: card.classList.contains('brief') };
});
