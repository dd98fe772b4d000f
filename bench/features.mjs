// What each of the widget's features costs readers in bytes: the widget is rebuilt without it
// (the function that does it returns at once, so the optimiser drops all the code only that
// feature reaches), then without all of them together, and each build's four shipped files
// (the wasm, the glue, element.js and the entry, as `dist/` serves them) are weighed with gzip -9.
// Run with `make bench-features`. It builds a copy of the tree in target/features/ (its own
// cargo target directory, so the main build is not touched); the first run compiles the
// dependencies once, each variant after that takes about half a minute on two cores.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'target', 'features');
const TREE = join(WORK, 'tree');
const SHIPPED = ['pkg/zhibiao_bg.wasm', 'pkg/zhibiao.js', 'pkg/element.js', 'zhibiao.js'];
const RETURN = '    if true { return Ok(()); } // bench/features.mjs\n';

/** Each feature and the edits that remove it. An edit's `before` is exact text of its file (one or
 * two whole lines, occurring once), in front of which an early return goes, `indent` deeper than
 * a function body's; or `replace` (occurring once) is replaced `with` other text. */
export const FEATURES = [
  { name: 'toolbar actions: PNG, CSV, copy link, show table', edits: [
    { file: 'src/web/widget.rs', before: '        self.fill_extras();\n        let Ok(chart) = &self.chart else { return Ok(()) };\n', indent: '    ' }] },
  { name: 'text description and data table', edits: [
    { file: 'src/web/accessory.rs', before: '        let mut description = summary(chart);\n', indent: '    ' }] },
  { name: 'tooltip card', edits: [
    { file: 'src/web/widget/focus.rs', before: '        let (Ok(chart), Some(scene)) = (&self.chart, &self.scene) else { return Ok(()) };\n        let Some(target) = scene.target(point_idx).copied() else { return Ok(()) };\n', indent: '    ' }] },
  { name: 'highlight of the focused point', edits: [
    { file: 'src/web/widget/focus.rs', before: '        let marks = match (&self.chart, &self.scene, self.drawn_dark, self.focused) {\n', indent: '    ' }] },
  { name: 'keyboard navigation', edits: [
    { file: 'src/web/events.rs', before: '    let current = m.widget.focused.map(|(i, _)| i);\n    let from = m.widget.keyed.or(current);\n', indent: '' }] },
  { name: 'verbatim source quotes (tooltip and CSV provenance)', edits: [
    { file: 'src/data/codegen.rs', replace: 'p.offset, text(&p.quote), p.offset_in_quote)', with: 'p.offset, "Cow::Borrowed(\\"\\")", 0)' }] },
];

/** Runs a build step in the copy; its output is shown only if it fails. */
function run(cmd, args) {
  try {
    execFileSync(cmd, args, { cwd: TREE, stdio: 'pipe', maxBuffer: 1 << 26,
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` } });
  } catch (e) {
    throw new Error(`features: ${cmd} ${args.join(' ')} failed in ${TREE}:\n${e.stderr}`);
  }
}

/** A fresh copy of the sources (not target/, dist/, pkg/ or installed packages). */
function copyTree() {
  rmSync(TREE, { recursive: true, force: true });
  mkdirSync(TREE, { recursive: true });
  for (const path of ['Cargo.toml', 'Cargo.lock', 'build.rs', '.cargo', 'src', 'data', 'www', 'scripts']) {
    cpSync(join(ROOT, path), join(TREE, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(TREE, 'node_modules'));
  // The fallback tables and font list `make build` wrote; assemble.mjs reads them.
  cpSync(join(ROOT, 'target', 'fallback'), join(WORK, 'target', 'fallback'), { recursive: true });
  symlinkSync(join(WORK, 'target'), join(TREE, 'target'));
}

/** `text` with one edit applied; throws if the code the edit expects has changed. */
export function patch(text, edit) {
  const anchor = edit.before ?? edit.replace;
  const at = text.indexOf(anchor);
  if (at < 0 || text.indexOf(anchor, at + 1) >= 0) {
    throw new Error(`features: "${anchor.trim().split('\n')[0]}" must occur once in ${edit.file}; update bench/features.mjs`);
  }
  return edit.before !== undefined ? text.slice(0, at) + edit.indent + RETURN + text.slice(at) : text.replace(anchor, edit.with);
}

/** Applies a feature's edits to the copy. */
function remove(feature) {
  for (const edit of feature.edits) {
    const path = join(TREE, edit.file);
    writeFileSync(path, patch(readFileSync(path, 'utf8'), edit));
  }
}

/** Builds the copy as `make build` does and weighs its shipped files. */
function weigh() {
  run('wasm-pack', ['--quiet', 'build', '--release', '--target', 'web', '--out-dir', 'pkg', '--out-name', 'zhibiao']);
  run('node', ['scripts/assemble.mjs']);
  const files = Object.fromEntries(SHIPPED.map((f) => [f, gzipSync(readFileSync(join(TREE, 'dist', f)), { level: 9 }).length]));
  return { files, total: Object.values(files).reduce((a, b) => a + b, 0) };
}

// Run as a script (the test imports FEATURES and patch only).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!existsSync(join(ROOT, 'target', 'fallback', 'fallback.json'))) throw new Error('features: run `make build` first');
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = [];
  const variants = [{ name: 'zhibiao as shipped', features: [] },
    ...FEATURES.map((f) => ({ name: `without the ${f.name}`, features: [f] })),
    { name: 'without all of these', features: FEATURES }];
  for (const variant of variants) {
    copyTree();
    variant.features.forEach(remove);
    const weight = weigh();
    rows.push({ name: variant.name, ...weight });
    console.log(`${variant.name}: ${weight.total} B gzip -9 (${Object.entries(weight.files).map(([f, b]) => `${f} ${b}`).join(', ')})`);
  }

  // The copy must weigh what dist/ weighs, or the comparison is not of the shipped build.
  const shipped = SHIPPED.reduce((sum, f) => sum + gzipSync(readFileSync(join(ROOT, 'dist', f)), { level: 9 }).length, 0);
  if (shipped !== rows[0].total) {
    console.log(`\nerror: dist/ weighs ${shipped} B, its copy ${rows[0].total} B: run \`make build\` and again`);
    process.exitCode = 1;
  }

  const base = rows[0].total;
  console.log('\n| build | JS + wasm, gzip -9 | saved |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${kb(r.total)} | ${r.total === base ? '—' : `${kb(base - r.total)}`} |`);
  console.log(`\nbudget 50 KB (51200 B): ${rows.at(-1).total > 51200 ? `still over without all of them, by ${rows.at(-1).total - 51200} B` : 'met without all of them'}`);
}
