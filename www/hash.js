// The URL hash that the page, the iframe embed and link.js read: #chart, or #chart/point_id as the
// chart's copy-link button writes it.

/** `{ chart, point }` from the page's hash (`point` undefined for #chart); null for a malformed
 * hash (`#%E0`), which opens nothing. */
export function readHash() {
  try {
    const [chart, point] = decodeURIComponent(location.hash.slice(1)).split('/');
    return { chart, point };
  } catch {
    return null;
  }
}

/** Whether `hash` names the chart `el` shows: its `chart` attribute, in any case and spaces, as
 * the element reads it. */
export function names(hash, el) {
  return !!hash?.chart && hash.chart.trim().toLowerCase() === el.getAttribute('chart')?.trim().toLowerCase();
}
