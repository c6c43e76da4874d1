/**
 * Writing the snapshot of a serving index without holding its thread for the whole encoding: the
 * snapshot's object is taken in one step (cache.ts snapshotOf), then packed a part at a time with the
 * event loop between slices of a few milliseconds, and written asynchronously, atomically. The bytes are
 * those encodeSnapshot gives: large arrays and objects get their MessagePack header here and their
 * elements packed one by one, as the packer itself would lay them out.
 *
 * The index must not change until the object is taken; after that the object is the snapshot's own,
 * except for parts it shares with the index, so the watcher applies no change while a write is under way.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import type { Index } from './build.ts';
import { packPart, snapshotOf, temporaryFor } from './cache.ts';

/** Arrays and objects with more elements than this are laid out here, element by element. */
const SPLIT_FROM = 32;
/** How deep into the snapshot's object arrays and objects are laid out here. */
const DEPTH = 4;

/** Resolves on the event loop's next turn, after the I/O and timers waiting for it. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The MessagePack header of an array or a map of `n` elements, as msgpackr writes them: the shortest for
 * an array, at least 16 bits of count for a map (it writes an object's count after its entries).
 */
function header(kind: 'array' | 'map', n: number): Buffer {
  const array = kind === 'array';
  if (array && n < 16) return Buffer.from([0x90 | n]);
  if (n < 0x10000) {
    const bytes = Buffer.alloc(3);
    bytes[0] = array ? 0xdc : 0xde;
    bytes.writeUInt16BE(n, 1);
    return bytes;
  }
  const bytes = Buffer.alloc(5);
  bytes[0] = array ? 0xdd : 0xdf;
  bytes.writeUInt32BE(n, 1);
  return bytes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Packs a value as the snapshot's packer does, yielding to the event loop every `sliceMs`. */
export async function packInPieces(value: unknown, sliceMs = 8): Promise<Buffer> {
  const parts: Buffer[] = [];
  let since = performance.now();
  const walk = async (v: unknown, depth: number): Promise<void> => {
    if (depth < DEPTH && Array.isArray(v) && v.length > SPLIT_FROM) {
      parts.push(header('array', v.length));
      for (const item of v) await walk(item, depth + 1);
      return;
    }
    if (depth < DEPTH && isPlainObject(v)) {
      const keys = Object.keys(v);
      if (depth === 0 || keys.length > SPLIT_FROM) {
        parts.push(header('map', keys.length));
        for (const key of keys) {
          parts.push(packPart(key));
          await walk(v[key], depth + 1);
        }
        return;
      }
    }
    parts.push(packPart(v));
    if (performance.now() - since > sliceMs) {
      await turn();
      since = performance.now();
    }
  };
  await walk(value, 0);
  return Buffer.concat(parts);
}

/** Writes the snapshot of an index in pieces (see above); atomically, as saveSnapshot does. */
export async function writeSnapshotInPieces(path: string, index: Index, sliceMs = 8): Promise<void> {
  const bytes = await packInPieces(snapshotOf(index), sliceMs);
  const temporary = temporaryFor(path);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
