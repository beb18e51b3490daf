/**
 * The ArrayBuffers of the Uint8Arrays in a call's input that may be moved, not copied, to the
 * worker: only one that a byte array covers whole (a slice of Node's shared Buffer pool, or of a
 * bigger buffer, must be copied or the rest of that memory would vanish under its other users),
 * and only once each. Moving a 40 MB PDF saves a copy and its memory on the owner's thread.
 */
export function transferablesOf(value: unknown, depth = 0, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [...found];
  if (value instanceof Uint8Array) {
    const { buffer } = value;
    if (buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === buffer.byteLength && buffer.byteLength > 0) found.add(buffer);
    return [...found];
  }
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) transferablesOf(child, depth + 1, found);
  return [...found];
}
