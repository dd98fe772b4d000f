// Reading and writing the parts of a wasm binary that zhibiao's scripts touch: LEB128 numbers,
// names, the section list, imports and exports. Used by scripts/short-names.mjs and the bench.
// Anything this does not know (a new import kind, a typed reference, custom page sizes) throws
// rather than being misread.

export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    if (at >= bytes.length) throw new Error('wasm-binary: a number runs past the end');
    byte = bytes[at];
    at += 1;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

export function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A name as the binary writes it: its length in bytes, then its UTF-8. */
export const nameBytes = (s) => {
  const b = encoder.encode(s);
  return [...leb(b.length), ...b];
};

/** Splits a wasm binary into its sections ({id, body}), after the 8-byte header. */
export function sections(wasm) {
  const out = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    out.push({ id, body: wasm.subarray(start, start + size) });
    at = start + size;
  }
  if (at !== wasm.length) throw new Error('wasm-binary: the wasm ends inside a section');
  return out;
}

/** The name at `at` in `body`: [text, the offset after it]. */
export function readName(body, at) {
  const [length, start] = readLeb(body, at);
  if (start + length > body.length) throw new Error('wasm-binary: a name runs past its section');
  return [decoder.decode(body.subarray(start, start + length)), start + length];
}

const REF_TYPES = new Set([0x70, 0x6f]); // funcref, externref
export const VALUE_TYPES = new Set([0x7f, 0x7e, 0x7d, 0x7c, 0x7b, ...REF_TYPES]);

/** Length in bytes of an import's description (after its kind byte). */
function importDescLength(body, at, kind) {
  const skipLeb = (p) => readLeb(body, p)[1];
  const limits = (p) => {
    const flags = body[p];
    // 0–7: maximum present, shared, 64-bit; 0x08 (custom page size) and above are not read here.
    if (flags > 7) throw new Error(`wasm-binary: limits flags ${flags} are not supported`);
    p = skipLeb(p + 1);
    return flags & 1 ? skipLeb(p) : p;
  };
  const type = (set, byte) => {
    if (!set.has(byte)) throw new Error(`wasm-binary: type 0x${byte.toString(16)} is not supported`);
  };
  switch (kind) {
    case 0: return skipLeb(at) - at; // function: type index
    case 1: type(REF_TYPES, body[at]); return limits(at + 1) - at; // table: reftype, limits
    case 2: return limits(at) - at; // memory: limits
    case 3: type(VALUE_TYPES, body[at]); return 2; // global: valtype, mutability
    case 4: return skipLeb(at + 1) - at; // tag: attribute, type index
    default: throw new Error(`wasm-binary: unknown import kind ${kind}`);
  }
}

/**
 * The entries of an import section's body, in order: {module, name, kind, start, nameStart,
 * nameEnd, end}: the entry is [start, end) and its encoded name (length included)
 * [nameStart, nameEnd).
 */
export function* imports(body) {
  let [count, at] = readLeb(body, 0);
  for (let i = 0; i < count; i += 1) {
    const [module, nameStart] = readName(body, at);
    const [name, nameEnd] = readName(body, nameStart);
    const kind = body[nameEnd];
    const end = nameEnd + 1 + importDescLength(body, nameEnd + 1, kind);
    yield { module, name, kind, start: at, nameStart, nameEnd, end };
    at = end;
  }
  if (at !== body.length) throw new Error('wasm-binary: the import section has bytes after its entries');
}

/** The entries of an export section's body: {name, kind, index, start, nameStart, nameEnd, end}. */
export function* exports(body) {
  let [count, at] = readLeb(body, 0);
  for (let i = 0; i < count; i += 1) {
    const [name, nameEnd] = readName(body, at);
    const kind = body[nameEnd];
    const [index, end] = readLeb(body, nameEnd + 1);
    yield { name, kind, index, start: at, nameStart: at, nameEnd, end };
    at = end;
  }
  if (at !== body.length) throw new Error('wasm-binary: the export section has bytes after its entries');
}

/**
 * The function index of every function export, by export name. V8 turns each into a string when
 * it instantiates the module (the function's `name`), through its number-to-string cache.
 */
export function exportedFunctionIndices(wasm) {
  const out = {};
  for (const { id, body } of sections(wasm)) {
    if (id !== 7) continue;
    for (const e of exports(body)) if (e.kind === 0) out[e.name] = e.index;
  }
  return out;
}

/** A wasm binary from its 8-byte header and its sections ({id, body}). */
export function assemble(header, sectionList) {
  const parts = [header];
  for (const { id, body } of sectionList) parts.push(Uint8Array.from([id, ...leb(body.length)]), body);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}
