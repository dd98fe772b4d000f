// For an article with the script embed: opens a link that a chart's Copy link made (ending in
// #chart or #chart/point), as the demo page and the iframe embed do their own. The first chart of
// that kind on the page is scrolled to and takes the point as its `focus-point` (the page's own
// is replaced); a hash that names no chart here is left to the page. Optional, beside zhibiao.js:
// <script type="module" src="https://example.com/zhibiao/link.js"></script>
import { readHash } from './hash.js';

function open(loading) {
  const hash = readHash();
  const key = hash?.chart.trim().toLowerCase();
  const el = key && [...document.querySelectorAll('zhibiao-chart')].find((c) => c.getAttribute('chart')?.trim().toLowerCase() === key);
  if (!el) return;
  if (hash.point) el.setAttribute('focus-point', hash.point);
  // Scrolled to now, and as the page loads, again once drawn (charts above it, drawn as the
  // page scrolls past them, may have moved it).
  const show = () => el.scrollIntoView({ block: 'start' });
  show();
  if (loading === true) el.addEventListener('chart-ready', show, { once: true });
}

addEventListener('hashchange', open);
if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => open(true), { once: true });
else open(true);
