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
