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
};
