// The package entry: <script type="module" src=".../zhibiao.js"> defines <zhibiao-chart>, loading
// the wasm from next to this file (any path prefix works). If the wasm cannot load (404, wrong
// type, blocked by a Content-Security-Policy), every <zhibiao-chart> shows why and the data table.

// The canvas fonts of each chart (filled in by scripts/assemble.mjs from the Rust layout).
const FONTS = /*FONTS*/{}/*END*/;

/** Resolves the fonts of the charts on the page: the first use of each size and weight costs a
 * font lookup (and the first, loading the CJK font file), which would otherwise come between the
 * wasm's arrival and the first chart. */
function warmFonts() {
  try {
    const charts = new Set([...document.querySelectorAll('zhibiao-chart')].map((el) => el.getAttribute('chart')));
    const context = document.createElement('canvas').getContext('2d');
    for (const font of new Set(Object.entries(FONTS).filter(([c]) => charts.has(c)).flatMap(([, f]) => f))) {
      context.font = font;
      context.measureText('指标 0%');
    }
  } catch {
    // Only a head start: the chart resolves its fonts itself.
  }
}

try {
  // Fetch and compile the wasm while the glue module loads, not after. From the whole bytes, not
  // streaming: the pages preload the wasm, so the bytes are there, and V8 then decodes and
  // validates on background threads, where streaming decodes on the main thread as bytes
  // arrive (9 ms against 1.5 ms of main-thread compile work, medians of six traced loads).
  // Any content type works. The URL as a string: a page's fetch wrapper (analytics) may take
  // only strings and requests, and fetched `undefined` for a URL object.
  const module = fetch(new URL('./pkg/zhibiao_bg.wasm', import.meta.url).href).then((response) => {
    if (!response.ok) throw new Error(`zhibiao_bg.wasm: HTTP ${response.status}`);
    return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
  module.catch(() => {});
  // And the glue's own imports with the glue, not after it (filled in by scripts/assemble.mjs).
  /*SNIPPETS*/
  const glue = import('./pkg/zhibiao.js');
  glue.catch(() => {});
  // Meanwhile the main thread is free: spend it on the fonts.
  warmFonts();
  const { default: init } = await glue;
  await init({ module_or_path: await module });
} catch (error) {
  console.error('zhibiao: the chart module could not be loaded:', error);
  // The browser's words stay in the console; the box says what a page's developer can change.
  const said = String(error?.message ?? error);
  try {
    const { defineFallback } = await import('./zhibiao-fallback.js');
    // By name: a browser without WebAssembly has no CompileError to compare with. A CSP's block is
    // a CompileError in Chromium and Firefox. A LinkError: the glue lacks an import the wasm
    // names, as where a cache holds one build's file and the server another's.
    // (The fallback module words the three it knows in each chart's language.)
    const { name } = error ?? {};
    defineFallback(name === 'LinkError' ? 'mixed' : name !== 'CompileError' ? said.slice(0, 200) : /Content Security|CSP/.test(said) ? 'csp' : 'damaged');
  } catch (fallbackError) {
    console.error('zhibiao: zhibiao-fallback.js could not be loaded either:', fallbackError);
    // Offline, or a copy of dist/ without it: one line in each chart, in both languages (the
    // words for each are in that file), rather than an empty box.
    customElements.get('zhibiao-chart') ?? customElements.define('zhibiao-chart', class extends HTMLElement {
      connectedCallback() {
        try {
          (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).textContent = `图表无法加载。The chart could not be loaded (${said.slice(0, 200)}; zhibiao-fallback.js).`;
        } catch {
          // A closed shadow root of the page's: nothing can be shown in it.
        }
      }
    });
  }
}
