// For an article with the script embed: opens a link that a chart's Copy link made (ending in
// #chart/point, or #chart), as the demo page and the iframe embed open their own. The first chart
// of that kind in the document is scrolled to and takes the point as its `focus-point` (the
// page's own is replaced; `#chart` alone keeps it). A hash that names no chart here, or that is
// an element's id in the page (`#growth` for a heading), is left to the page. Optional, beside
// zhibiao.js: <script type="module" src="https://example.com/zhibiao/link.js"></script>
import { names, readHash } from './hash.js';

function open(loading) {
  const hash = readHash();
  if (!hash || (!hash.point && document.getElementById(hash.chart))) return;
  const el = [...document.querySelectorAll('zhibiao-chart')].find((c) => names(hash, c));
  if (!el) return;
  if (hash.point) el.setAttribute('focus-point', hash.point);
  // Scrolled to now, and as the page loads, again once drawn (its height, or charts above it
  // drawn as the page passes them, may have moved it: the browser's scroll anchoring keeps the
  // text below in place), unless the reader has scrolled or pressed a key meanwhile.
  el.scrollIntoView({ block: 'start' });
  if (!loading) return;
  const READER = ['wheel', 'touchstart', 'pointerdown', 'keydown'];
  const options = { capture: true, passive: true };
  const done = () => {
    for (const type of READER) removeEventListener(type, done, options);
    el.removeEventListener('chart-ready', again);
  };
  const again = () => {
    done();
    el.scrollIntoView({ block: 'start' });
  };
  for (const type of READER) addEventListener(type, done, options);
  el.addEventListener('chart-ready', again);
}

addEventListener('hashchange', () => open(false));
// (A module runs once the document is parsed; an `async` one may run before.)
if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => open(true), { once: true });
else open(true);
