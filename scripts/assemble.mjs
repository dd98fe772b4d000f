// Assembles dist/ from www/, the wasm-pack output in pkg/ and the native fallback (fallback.json,
// fallback/*.svg): the page, the iframe embed, the package entry with its load-failure fallback,
// <noscript> charts, and dist/zhibiao-standalone.html with the wasm inlined (works from file://).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { shortenNames } from './short-names.mjs';
import { spreadExports } from './spread-exports.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// pkg/ as an npm package a bundler-free page can import.
const pkgJsonPath = join(ROOT, 'pkg', 'package.json');
const pkgJson = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
pkgJson.module = 'zhibiao.js';
pkgJson.exports = { '.': { types: './zhibiao.d.ts', import: './zhibiao.js' }, './zhibiao_bg.wasm': './zhibiao_bg.wasm' };
writeFileSync(pkgJsonPath, `${JSON.stringify(pkgJson, null, 2)}\n`);

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
// dist/ is for hosting: the npm package's metadata stays in pkg/ (its types would also list the
// long names that dist/ shortens below).
const NPM_ONLY = new Set(['.gitignore', 'package.json', 'README.md', 'zhibiao.d.ts', 'zhibiao_bg.wasm.d.ts']);
cpSync(join(ROOT, 'pkg'), join(DIST, 'pkg'), { recursive: true, filter: (src) => !NPM_ONLY.has(basename(src)) });
cpSync(join(ROOT, 'www'), DIST, { recursive: true });
cpSync(join(ROOT, 'target', 'fallback', 'fallback'), join(DIST, 'fallback'), { recursive: true });
const fallback = JSON.parse(read('target/fallback/fallback.json'));

// The fallback module carries the tables for the case where the wasm cannot load.
const tables = Object.fromEntries(Object.entries(fallback).map(([k, v]) => [k, { table: v.table, source: v.source }]));
const fallbackSource = read('www/zhibiao-fallback.js');
for (const placeholder of ['/*FALLBACK*/{}/*END*/', "/*CSS*/''/*END*/"]) {
  if (!fallbackSource.includes(placeholder)) throw new Error(`assemble: no ${placeholder} placeholder in www/zhibiao-fallback.js`);
}
// Replaced by functions: a replacement string would read `$&` or `$'` in the data as patterns.
const fallbackModule = fallbackSource.replace('/*FALLBACK*/{}/*END*/', () => JSON.stringify(tables))
  .replace("/*CSS*/''/*END*/", () => JSON.stringify(read('target/fallback/widget.css')));
writeFileSync(join(DIST, 'zhibiao-fallback.js'), fallbackModule);

// The glue's snippet modules move to stable names next to it (dist/pkg/element.js, not
// snippets/zhibiao-<hash>/src/web/element.js), so that a page can name them in preload hints.
// The entry also starts fetching them alongside the glue: one round trip, not two.
const glueSource = read('pkg/zhibiao.js');
const snippets = [...new Set([...glueSource.matchAll(/^import .+ from ['"](\.\/snippets\/[^'"]+)['"];?$/gm)].map((m) => m[1]))];
if (snippets.length === 0) throw new Error('assemble: the glue imports no snippet; is pkg/zhibiao.js from wasm-bindgen?');
const stable = new Map(snippets.map((path) => [path, `./${path.split('/').pop()}`]));
if (new Set(stable.values()).size !== snippets.length) throw new Error('assemble: two snippets share a file name');
let distGlue = glueSource;
for (const [path, name] of stable) {
  // A snippet names the glue relative to its own place (element.js re-imports it to restart).
  const up = '../'.repeat(path.split('/').length - 2);
  const code = read(join('pkg', path));
  const moved = code.split(`'${up}zhibiao.js'`).join(`'./zhibiao.js'`);
  if (code.includes('zhibiao.js') && moved === code) throw new Error(`assemble: ${path} names the glue in a way this script does not move`);
  writeFileSync(join(DIST, 'pkg', name), moved);
  // Only the import statements: the wasm still names its imports by the original path.
  distGlue = distGlue.split(`from '${path}'`).join(`from '${name}'`).split(`from "${path}"`).join(`from "${name}"`);
}
if (/from ['"]\.\/snippets\//.test(distGlue)) throw new Error('assemble: a snippet import was not renamed');
// The names the glue and the wasm call each other by, shortened in both (scripts/short-names.mjs).
const short = shortenNames(readFileSync(join(ROOT, 'pkg', 'zhibiao_bg.wasm')), distGlue);
// No two exported function indices equal modulo 128 (64 KB of JS heap; scripts/spread-exports.mjs).
writeFileSync(join(DIST, 'pkg', 'zhibiao_bg.wasm'), spreadExports(short.wasm));
writeFileSync(join(DIST, 'pkg', 'zhibiao.js'), short.glue);
rmSync(join(DIST, 'pkg', 'snippets'), { recursive: true, force: true });
const entry = read('www/zhibiao.js');
// The snippets' paths in dist/, for the entry's early imports and the pages' preload hints.
const snippetFiles = [...stable.values()].map((name) => `pkg/${name.slice(2)}`);
const preload = snippetFiles.map((file) => `import(${JSON.stringify(`./${file}`)}).catch(() => {});`).join('\n  ');
if (!entry.includes('/*SNIPPETS*/')) throw new Error('assemble: no /*SNIPPETS*/ placeholder in www/zhibiao.js');
if (!entry.includes('/*FONTS*/{}/*END*/')) throw new Error('assemble: no /*FONTS*/ placeholder in www/zhibiao.js');
const fonts = read('target/fallback/fonts.json');
writeFileSync(join(DIST, 'zhibiao.js'), entry.replace('/*SNIPPETS*/', preload).replace('/*FONTS*/{}/*END*/', fonts));

/** The widest window that gets the phone's picture: where the desktop's would shrink below 70 %. */
const PHONE_MAX_WIDTH_CSS_PX = 600;
/** A chart's static picture and table; `src` gives the picture's address from its file's path. */
function staticChart(key, src = (path) => path) {
  const c = fallback[key];
  // The source cell opens with the quoted sentence, in Chinese whatever the table's language.
  // Its figure in bold, as the widget marks it.
  const quoted = (quote) => (quote ? `<span lang="zh">${escapeHtml(quote.before)}${quote.figure ? `<b>${escapeHtml(quote.figure)}</b>` : ''}${escapeHtml(quote.after)}</span> ` : '');
  const row = ({ cells, quote }) => `<tr>${cells.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>`
    : `<td>${i === cells.length - 1 ? quoted(quote) : ''}${escapeHtml(cell)}</td>`)).join('')}</tr>`;
  const heading = (title) => (title ? `<tr><th scope="rowgroup" colspan="${c.table.headers.length}">${escapeHtml(title)}</th></tr>\n` : '');
  const bodies = c.table.groups.map((g) => `<tbody>${heading(g.title)}${g.rows.map(row).join('\n')}</tbody>`).join('\n');
  // On a phone, the picture laid out for one: the desktop's, shrunk to a phone's column, would
  // set its text at 6 px.
  return `<figure class="static-chart">
  <picture><source media="(max-width: ${PHONE_MAX_WIDTH_CSS_PX}px)" srcset="${src(c.phone_svg)}" width="${c.phone_width}" height="${c.phone_height}">
  <img src="${src(c.svg)}" width="${c.width}" height="${c.height}" alt="${escapeHtml(`${c.title}${key.endsWith('-en') ? '. ' : '。'}${c.summary}`)}"></picture>
  <table><caption>${escapeHtml(c.table.caption)}</caption>
  <thead><tr>${c.table.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
  ${bodies}</table>
</figure>`;
}
const CHARTS = ['growth', '5g', 'nev'];
/** The charts' static pictures and tables in a `<noscript>` (all three unless named); `src` as for `staticChart`. */
const noscript = (lang, src, charts = CHARTS) => `<noscript>\n${charts.map((c) => staticChart(`${c}-${lang}`, src)).join('\n')}\n</noscript>`;
// The chart's files, fetched in parallel rather than one after another (README, embedding).
const preloadHints = ['<link rel="modulepreload" href="zhibiao.js">', '<link rel="modulepreload" href="pkg/zhibiao.js">',
  ...snippetFiles.map((file) => `<link rel="modulepreload" href="${file}">`),
  '<link rel="preload" href="pkg/zhibiao_bg.wasm" as="fetch" type="application/wasm" crossorigin>'].join('\n  ');
/** `www/{page}` with each placeholder (each there once, or the build stops) replaced. */
const fill = (page, parts) => parts.reduce((html, [from, to]) => {
  if (html.split(from).length !== 2) throw new Error(`assemble: www/${page} has not one ${from}`);
  return html.split(from).join(to);
}, read(`www/${page}`));
const shared = [['<!--preload-->', preloadHints]];
for (const page of ['index.html', 'embed.html']) {
  writeFileSync(join(DIST, page), fill(page, [['<!--noscript-->', noscript('zh')], ...shared]));
}
// The iframe embed for one chart in one language, embed-{chart}-{lang}.html: embed.html with the
// chart and its language written in, so that without script (where the query cannot be read) the
// frame shows that chart's picture and table alone, in its language, not all three in Chinese.
for (const chart of CHARTS) {
  for (const lang of ['zh', 'en']) {
    const { title } = fallback[`${chart}-${lang}`];
    writeFileSync(join(DIST, `embed-${chart}-${lang}.html`), fill('embed.html', [['<html lang="zh">', `<html lang="${lang}">`],
      ['<title>指标 · 图表</title>', `<title>${escapeHtml(title)} · ${lang === 'en' ? 'zhibiao' : '指标'}</title>`],
      ['<zhibiao-chart id="chart">', `<zhibiao-chart id="chart" chart="${chart}" lang="${lang}">`],
      ['<!--noscript-->', noscript(lang, undefined, [chart])], ...shared]));
  }
}

// One self-contained file: page CSS, the wasm-bindgen glue with its snippet, and the wasm inlined.
const glueDir = join(ROOT, 'pkg');
let glue = readFileSync(join(glueDir, 'zhibiao.js'), 'utf8');
// Inline each snippet module the glue imports (named or namespace imports), line by line.
const inlinedPaths = new Map();
glue = glue.split('\n').map((line) => {
  const m = line.match(/^import (.+) from ['"](\.\/snippets\/[^'"]+)['"];?$/);
  if (!m) return line;
  const [, clause, path] = m;
  if (!inlinedPaths.has(path)) {
    const code = readFileSync(join(glueDir, path), 'utf8');
    // (element.js restarts a failed instance by loading the glue afresh from its URL; inlined
    // here, its `import.meta.url` is this file's, and it says at once that the page must be
    // reloaded.)
    const names = [...code.matchAll(/^export function (\w+)/gm)].map((x) => x[1]);
    // Any other export (`export const f = …`) would stay an `export` in the page's script, a
    // syntax error that leaves the one file's charts undrawn.
    if (/^export (?!function )/m.test(code)) throw new Error(`assemble: ${path} exports other than by \`export function\`, which this script cannot inline`);
    inlinedPaths.set(path, { code: code.replace(/^export function/gm, 'function'), names });
  }
  const alias = clause.match(/^\* as (\w+)$/);
  return alias ? `const ${alias[1]} = { ${inlinedPaths.get(path).names.join(', ')} };` : '';
}).join('\n');
const inlined = [...inlinedPaths.values()].map((v) => v.code).join('\n');
glue = `${inlined}${glue}`;
if (/from ['"]\.\/snippets\//.test(glue)) throw new Error('assemble: the glue imports a snippet this script does not inline');
// Without JavaScript, the one file shows the page's static pictures (inlined) and tables.
const inlineSvg = (path) => `data:image/svg+xml;base64,${readFileSync(join(ROOT, 'target', 'fallback', path)).toString('base64')}`;
const wasm = Buffer.from(spreadExports(readFileSync(join(glueDir, 'zhibiao_bg.wasm')))).toString('base64');
const standalone = `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>指标 · 2023年上半年工业和信息化发展（单文件版）</title>
<style>${read('www/page.css')}
zhibiao-chart { margin: 1.5rem 0; }</style>
<noscript><style>${read('www/noscript.css')}</style></noscript>
</head>
<body>
<main>
<h1>2023年上半年工业和信息化发展：主要指标</h1>
<zhibiao-chart chart="growth"></zhibiao-chart>
<zhibiao-chart chart="5g"></zhibiao-chart>
<zhibiao-chart chart="nev"></zhibiao-chart>
${noscript('zh', inlineSvg)}
</main>
<script type="module">
${glue}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
</script>
</body>
</html>
`;
writeFileSync(join(DIST, 'zhibiao-standalone.html'), standalone);

// Every module the page fetches, minified (the glue alone goes from 7.0 to 5.6 KB gzip), each
// with a source map beside it that only developer tools fetch. pkg/ (the npm package) keeps
// wasm-bindgen's readable output.
for (const [dir, names] of [[DIST, readdirSync(DIST)], [join(DIST, 'pkg'), readdirSync(join(DIST, 'pkg'))]]) {
  for (const name of names.filter((n) => n.endsWith('.js'))) {
    const path = join(dir, name);
    // The map's source is named apart from the minified file it explains.
    const { code, map } = await minify({ [name.replace(/\.js$/, '.src.js')]: readFileSync(path, 'utf8') }, {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
      format: { comments: false },
      sourceMap: { filename: name, url: `${name}.map`, includeSources: true },
    });
    writeFileSync(path, `${code}\n`);
    writeFileSync(`${path}.map`, map);
  }
}
console.log(`assemble: dist/ with ${readdirSync(DIST).length} entries; standalone ${Math.round(standalone.length / 1024)} KB`);
