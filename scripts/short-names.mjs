// Shortens the names by which the wasm and its wasm-bindgen glue call each other
// (`__wbg_appendChild_0f4b5e2a1c3d9e7f` → `a5`): about 150 such names, each written in both files
// with a hash that gzip cannot share between them. Only names both sides own are renamed: the
// imports wasm-bindgen generates (module `./zhibiao_bg.js`) and those of its own exports that the
// glue names; `memory`, the crate's exports (`start`) and the snippets' imports keep their
// names. Used by scripts/assemble.mjs on dist/pkg; pkg/ (the npm package) keeps
// wasm-bindgen's names.

import { assemble, exports, imports, leb, nameBytes, sections } from './wasm-binary.mjs';

const GLUE_MODULE = './zhibiao_bg.js';
/** wasm-bindgen's own exports, as opposed to the crate's. */
export const OWNED_EXPORT = /^(__wbindgen_|__wbg_|wasm_bindgen__|__externref_)/;

/** A short name for the n-th renamed item: a0 … z0, then a1 … */
const shortName = (n) => `${String.fromCharCode(97 + (n % 26))}${Math.floor(n / 26)}`;

/** `name` as a whole identifier in JavaScript source. */
export const token = (name, flags = '') => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, flags);

/**
 * The glue's imports whose functions are written the same as an earlier one's (web-sys binds
 * `width` once for each interface that has it, and wasm-bindgen writes a function for each):
 * returns the glue without the copies, and each copy's name mapped to the first's, which the wasm
 * then imports under that one name. (A wasm module may import one name more than once.)
 */
export function mergeSameImports(glue) {
  // The import object as wasm-bindgen writes it: `const import0 = {`, an entry per import
  // (`        name: function(…) {`, indented 8), `    };`. Anything else stops the build rather
  // than merging nothing, or merging across its end.
  const open = glue.indexOf('const import0 = {\n');
  const close = glue.indexOf('\n    };', open);
  if (open < 0 || close < 0) throw new Error('short-names: no `const import0 = {` … `};` in the glue');
  const block = glue.slice(open, close + 1);
  // Each function runs to the next entry or the block's end (not to a blank line inside it).
  const entry = /^ {8}([\w$]+): (function[\s\S]*?)\n(?= {8}[\w$]+: |(?![\s\S]))/gm;
  const entries = [...block.matchAll(entry)];
  const names = block.match(/^ {8}(?!__proto__:)[\w$]+: /gm) ?? [];
  if (entries.length === 0 || entries.length !== names.length) {
    throw new Error(`short-names: ${entries.length} of the import object's ${names.length} entries read as functions`);
  }
  const first = new Map();
  const same = new Map();
  let merged = block;
  for (const [whole, name, fn] of entries) {
    if (first.has(fn)) {
      same.set(name, first.get(fn));
      merged = merged.replace(whole, '');
    } else {
      first.set(fn, name);
    }
  }
  return { glue: glue.slice(0, open) + merged + glue.slice(close + 1), same };
}

/**
 * Renames in `wasm` (bytes) and the glue together, `whole` being wasm-bindgen's glue as written:
 * first merges its import functions written the same ([`mergeSameImports`]); returns the wasm
 * and the glue. Throws if the glue does not name an import it must supply.
 */
export function shortenNames(wasm, whole) {
  const { glue, same } = mergeSameImports(whole);
  const renames = new Map();
  let next = 0;
  const rename = (old) => {
    if (!renames.has(old)) {
      let name;
      do name = shortName(next++); while (token(name).test(glue));
      renames.set(old, name);
    }
    return renames.get(old);
  };
  let imported = 0;
  const rebuilt = sections(wasm).map(({ id, body }) => {
    const entries = id === 2 ? [...imports(body)] : id === 7 ? [...exports(body)] : null;
    if (!entries) return { id, body };
    const out = [...leb(entries.length)];
    for (const e of entries) {
      const owned = id === 2 ? e.module === GLUE_MODULE : OWNED_EXPORT.test(e.name) && token(e.name).test(glue);
      if (id === 2 && owned) {
        if (!token(e.name).test(whole)) throw new Error(`short-names: the glue never names the import ${e.name}`);
        imported += 1;
      }
      // Everything but the name is copied as it is; so is the name unless it is renamed.
      const name = owned ? nameBytes(rename(same.get(e.name) ?? e.name)) : body.subarray(e.nameStart, e.nameEnd);
      out.push(...body.subarray(e.start, e.nameStart), ...name, ...body.subarray(e.nameEnd, e.end));
    }
    return { id, body: Uint8Array.from(out) };
  });
  if (imported === 0) throw new Error(`short-names: no import from ${GLUE_MODULE}; did wasm-bindgen rename its glue module?`);
  let source = glue;
  for (const [old, name] of renames) source = source.replace(token(old, 'g'), name);
  return { wasm: assemble(wasm.subarray(0, 8), rebuilt), glue: source };
}
