// Shortens the names by which the wasm and its wasm-bindgen glue call each other
// (`__wbg_appendChild_0f4b5e2a1c3d9e7f` → `a5`): about 150 such names, each written in both files
// with a hash that gzip cannot share between them. Only names both sides own are renamed: the
// imports wasm-bindgen generates (module `./zhibiao_bg.js`) and its own exports; `memory`, the
// crate's exports (`start`, `wasmMemoryBytes`) and the snippets' imports keep their names.
// Used by scripts/assemble.mjs on dist/pkg; pkg/ (the npm package) keeps wasm-bindgen's names.

import { importDescLength, leb, nameBytes, readLeb, readName, sections } from './wasm-binary.mjs';

const GLUE_MODULE = './zhibiao_bg.js';
const OWNED_EXPORT = /^(__wbindgen_|__wbg_|wasm_bindgen__|__externref_)/;

/** A short name for the n-th renamed item: a0 … z9, then a10 … */
const shortName = (n) => `${String.fromCharCode(97 + (n % 26))}${Math.floor(n / 26)}`;

/**
 * Renames in `wasm` (bytes) and `glue` (the glue's source) together; returns both, and the
 * number of names changed.
 */
export function shortenNames(wasm, glue) {
  const renames = new Map();
  const imported = new Set();
  const taken = (name) => new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(glue);
  let next = 0;
  const rename = (old) => {
    if (!renames.has(old)) {
      let name;
      do name = shortName(next++); while (taken(name));
      renames.set(old, name);
    }
    return renames.get(old);
  };
  const rebuilt = sections(wasm).map(({ id, body }) => {
    if (id !== 2 && id !== 7) return { id, body };
    const out = [];
    let [count, at] = readLeb(body, 0);
    out.push(...leb(count));
    for (let i = 0; i < count; i += 1) {
      if (id === 2) {
        const [module, afterModule] = readName(body, at);
        const [field, afterField] = readName(body, afterModule);
        const kind = body[afterField];
        const end = afterField + 1 + importDescLength(body, afterField + 1, kind);
        out.push(...nameBytes(module), ...nameBytes(module === GLUE_MODULE ? (imported.add(field), rename(field)) : field), ...body.subarray(afterField, end));
        at = end;
      } else {
        const [name, afterName] = readName(body, at);
        const end = readLeb(body, afterName + 1)[1];
        out.push(...nameBytes(OWNED_EXPORT.test(name) ? rename(name) : name), ...body.subarray(afterName, end));
        at = end;
      }
    }
    if (at !== body.length) throw new Error(`short-names: section ${id} has bytes after its entries`);
    return { id, body: Uint8Array.from(out) };
  });
  const parts = [wasm.subarray(0, 8)];
  for (const { id, body } of rebuilt) parts.push(Uint8Array.from([id, ...leb(body.length)]), body);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  if (imported.size === 0) throw new Error(`short-names: no import from ${GLUE_MODULE}; did wasm-bindgen rename its glue module?`);
  let source = glue;
  for (const [old, name] of renames) {
    const token = new RegExp(`(?<![\\w$])${old.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    // Every import must be found (the glue supplies it); an export the glue never calls is fine.
    if (imported.has(old) && !token.test(source)) throw new Error(`short-names: the glue never names ${old}`);
    source = source.replace(token, name);
  }
  return { wasm: bytes, glue: source, renamed: renames.size };
}
