// Reading and writing the parts of a wasm binary that zhibiao's scripts touch: LEB128 numbers,
// names, the section list, imports and exports. Used by scripts/short-names.mjs and the bench.

export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
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
const decoder = new TextDecoder();
export const nameBytes = (s) => {
  const b = encoder.encode(s);
  return [...leb(b.length), ...b];
};

/** Splits a wasm binary into its header and sections ({id, body}). */
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

export function readName(body, at) {
  const [length, start] = readLeb(body, at);
  return [decoder.decode(body.subarray(start, start + length)), start + length];
}

/** Length in bytes of an import's description (after its kind byte). */
export function importDescLength(body, at, kind) {
  const skipLeb = (p) => readLeb(body, p)[1];
  const limits = (p) => {
    const flags = body[p];
    p = skipLeb(p + 1);
    return flags & 1 ? skipLeb(p) : p;
  };
  switch (kind) {
    case 0: return skipLeb(at) - at; // function: type index
    case 1: return limits(at + 1) - at; // table: reftype, limits
    case 2: return limits(at) - at; // memory: limits
    case 3: return 2; // global: valtype, mutability
    case 4: return skipLeb(at + 1) - at; // tag: attribute, type index
    default: throw new Error(`wasm-binary: unknown import kind ${kind}`);
  }
}

/**
 * The function index of every function export, by export name. V8 turns each into a string when
 * it instantiates the module (the function's `name`), through its number-to-string cache.
 */
export function exportedFunctionIndices(wasm) {
  let importedFunctions = 0;
  const out = {};
  for (const { id, body } of sections(wasm)) {
    let [count, at] = readLeb(body, 0);
    if (id === 2) {
      for (let i = 0; i < count; i += 1) {
        const afterModule = readName(body, at)[1];
        const afterField = readName(body, afterModule)[1];
        const kind = body[afterField];
        if (kind === 0) importedFunctions += 1;
        at = afterField + 1 + importDescLength(body, afterField + 1, kind);
      }
    } else if (id === 7) {
      for (let i = 0; i < count; i += 1) {
        const [name, afterName] = readName(body, at);
        const [index, end] = readLeb(body, afterName + 1);
        if (body[afterName] === 0) out[name] = index;
        at = end;
      }
    }
  }
  // Imported functions come first in the index space; exports already count them.
  return { importedFunctions, exports: out };
}
