// Debian's Chromium, driven by playwright-core (which never downloads a browser).
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
