// The package entry: <script type="module" src=".../zhibiao.js"> defines <zhibiao-chart>, loading
// the wasm from next to this file (any path prefix works). If the wasm cannot load (404, wrong
// type, blocked by a Content-Security-Policy), every <zhibiao-chart> shows why and the data table.

try {
  // Fetch the wasm while the glue module loads, not after.
  const wasm = fetch(new URL('./pkg/zhibiao_bg.wasm', import.meta.url));
  wasm.catch(() => {});
  // And the glue's own imports with the glue, not after it (filled in by scripts/assemble.mjs).
  /*SNIPPETS*/
  const { default: init } = await import('./pkg/zhibiao.js');
  await init({ module_or_path: wasm });
} catch (error) {
  console.error('zhibiao: the chart module could not be loaded:', error);
  const { defineFallback } = await import('./zhibiao-fallback.js');
  defineFallback(String(error?.message ?? error).slice(0, 200));
}
