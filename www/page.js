// The demo page: accessible tabs, and the URL hash (#nev or #nev/nev_sales_growth) that opens
// a chart with a point focused.
import './print.js';
import './zhibiao.js';
// (the entry defines <zhibiao-chart>; the markup below already holds three)
import { readHash } from './hash.js';

const tabs = [...document.querySelectorAll('[role="tab"]')];

/** The chart in the panel of the tab `key` (growth, 5g, nev). */
const chartOf = (key) => document.querySelector(`#panel-${key} zhibiao-chart`);

/** Shows `tab`'s panel. A reader's choice (`record`) also goes into the URL, so that the address
 * says what the page shows, the chart's focused point included. */
function select(tab, { focus = false, record = false } = {}) {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
  }
  if (focus) tab.focus();
  if (record) {
    const chart = tab.id.slice(4);
    const point = chartOf(chart)?.getAttribute('focus-point');
    history.replaceState(null, '', point ? `#${chart}/${encodeURIComponent(point)}` : `#${chart}`);
  }
}

function openHash() {
  const hash = readHash();
  if (!hash) return;
  const { chart, point } = hash;
  const tab = document.getElementById(`tab-${chart}`);
  if (!tab || !tabs.includes(tab)) return;
  select(tab);
  const el = chartOf(chart);
  if (point) el.setAttribute('focus-point', point);
  else el.removeAttribute('focus-point');
}

for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab, { record: true }));
  tab.addEventListener('keydown', (event) => {
    const i = tabs.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length], { focus: true, record: true });
  });
}
window.addEventListener('hashchange', openHash);
openHash();
