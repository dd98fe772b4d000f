// Keeps the wasm's exported function indices apart modulo 128, so that instantiating it does not
// grow V8's number-to-string cache by 64 KB of JS heap: V8 names each exported function by its
// index, as a string, through that cache (`SmiStringCache`), which starts with 128 entries (1 KB),
// indexed by the number modulo 128, and grows to its full size at its first collision
// (docs/performance.md, Memory). Where two exports' indices collide, one of them is exported
// through a thunk appended after the last function (it calls the original with its arguments):
// appending renumbers nothing else. Anything it cannot do safely (more exports than cache
// entries, types or sections it does not read, a module that no longer validates) throws.
// Used by scripts/assemble.mjs on dist/pkg and the self-contained HTML.

import { assemble, exports, imports, leb, readLeb, readName, sections, VALUE_TYPES } from './wasm-binary.mjs';

/** V8's first number-to-string cache: this many entries, indexed by the number modulo it. */
export const CACHE_ENTRIES = 128;

/** Each type's parameter count, from a type section's body (plain function types only). */
function paramCounts(body) {
  const out = [];
  let [count, at] = readLeb(body, 0);
  const types = (p) => {
    const [n, start] = readLeb(body, p);
    for (let i = start; i < start + n; i += 1) {
      if (!VALUE_TYPES.has(body[i])) throw new Error(`spread-exports: value type 0x${body[i].toString(16)} is not supported`);
    }
    return [n, start + n];
  };
  for (let i = 0; i < count; i += 1) {
    if (body[at] !== 0x60) throw new Error(`spread-exports: type form 0x${body[at].toString(16)} is not supported`);
    const [params, next] = types(at + 1);
    at = types(next)[1];
    out.push(params);
  }
  return out;
}

/** A vector's count and its entries' bytes, from a section's body. */
function vector(body) {
  const [count, at] = readLeb(body, 0);
  return { count, rest: body.subarray(at) };
}

/**
 * Which exported indices to move, and where: `indices` in export order, thunks from `first` on.
 * Moves one export of the first colliding pair at a time (the one not yet moved), until no two
 * collide; the thunks' own indices are consecutive, so they never collide with one another.
 */
export function plan(indices, first) {
  // Thunks are consecutive: more of them than entries would collide with one another.
  if (indices.length > CACHE_ENTRIES) throw new Error(`spread-exports: ${indices.length} exported functions cannot be kept apart modulo ${CACHE_ENTRIES}`);
  const moved = [];
  for (;;) {
    const at = new Map(moved.map((index, i) => [index, first + i]));
    const owner = new Map();
    let clash = null;
    for (const index of indices) {
      const slot = (at.get(index) ?? index) % CACHE_ENTRIES;
      if (owner.has(slot)) {
        clash = at.has(index) ? owner.get(slot) : index;
        break;
      }
      owner.set(slot, index);
    }
    if (clash === null) return at;
    if (at.has(clash)) throw new Error(`spread-exports: thunk of ${clash} collides`);
    moved.push(clash);
  }
}

/** `wasm` (bytes) with no two exported function indices equal modulo 128; the same bytes if none were. */
export function spreadExports(wasm) {
  const list = sections(wasm);
  const find = (id) => list.find((s) => s.id === id);
  const exportSection = find(7);
  if (!exportSection) return wasm;
  const entries = [...exports(exportSection.body)];
  const importedFunctions = [...imports(find(2)?.body ?? Uint8Array.of(0))].filter((i) => i.kind === 0).length;
  // Only the module's own functions are named by their index here (a re-exported import is the
  // function it was given).
  const indices = [...new Set(entries.filter((e) => e.kind === 0 && e.index >= importedFunctions).map((e) => e.index))];
  const functions = find(3);
  const code = find(10);
  if (!functions || !code) return wasm;
  const declared = vector(functions.body);
  const first = importedFunctions + declared.count;
  const moves = plan(indices, first);
  if (moves.size === 0) return wasm;
  // Offsets into the code section (DWARF, a source map) would point at the wrong bytes.
  for (const { id, body } of list) {
    const name = id === 0 ? readName(body, 0)[0] : '';
    if (/^(\.debug_|sourceMappingURL)/.test(name)) throw new Error(`spread-exports: custom section ${name} is not supported`);
  }

  // The declared functions' type indices, to give each thunk its original's type.
  const typeOf = [];
  for (let i = 0, at = 0; i < declared.count; i += 1) {
    const [type, next] = readLeb(declared.rest, at);
    typeOf.push(type);
    at = next;
  }
  const params = paramCounts(find(1).body);
  const newTypes = [];
  const bodies = [];
  for (const [index] of moves) {
    const type = typeOf[index - importedFunctions];
    newTypes.push(...leb(type));
    // No locals; each parameter in order; call the original; end.
    const ops = [0x00];
    for (let p = 0; p < params[type]; p += 1) ops.push(0x20, ...leb(p));
    ops.push(0x10, ...leb(index), 0x0b);
    bodies.push(...leb(ops.length), ...ops);
  }
  const withNew = (section, added) => {
    const { count, rest } = vector(section.body);
    return Uint8Array.from([...leb(count + moves.size), ...rest, ...added]);
  };
  const exportBody = [...leb(entries.length)];
  for (const e of entries) {
    // The name as written (its length and bytes), not decoded and encoded again.
    exportBody.push(...exportSection.body.subarray(e.start, e.nameEnd), e.kind, ...leb(e.kind === 0 ? (moves.get(e.index) ?? e.index) : e.index));
  }
  const out = list.map((s) => {
    if (s.id === 3) return { id: 3, body: withNew(s, newTypes) };
    if (s.id === 10) return { id: 10, body: withNew(s, bodies) };
    if (s.id === 7) return { id: 7, body: Uint8Array.from(exportBody) };
    return s;
  });
  const spread = assemble(wasm.subarray(0, 8), out);
  // A `ref.func` of a moved function would be valid only while its export declared it.
  if (!WebAssembly.validate(spread)) throw new Error('spread-exports: the module no longer validates');
  return spread;
}
