/**
 * Writing the snapshot of a serving index without holding its thread: the snapshot's object is taken a
 * step at a time (cache.ts snapshotSteps), then packed a part at a time, with the event loop turning
 * between slices of a few milliseconds, and written asynchronously, atomically. The bytes are those
 * encodeSnapshot gives: large arrays and objects get their MessagePack header here and their elements
 * packed one by one, as the packer itself would lay them out, and large typed arrays are written from
 * their own memory behind the header msgpackr gives them (no copy, no packing).
 *
 * The index must not change until the file is written: the object shares parts with the index, so the
 * watcher applies no change while a write is under way.
 */
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import type { Index } from './build.ts';
import { packPart, snapshotSteps, temporaryFor } from './cache.ts';
import { inSlices } from './steps.ts';

/** Arrays and objects with more elements than this are laid out here, element by element. */
const SPLIT_FROM = 32;
/** How deep into the snapshot's object arrays and objects are laid out here. */
const DEPTH = 4;

/**
 * A MessagePack type byte and a length, in the fewest of 8, 16 or 32 bits that `codes` allows (a null
 * code: that size is not used).
 */
function sized(codes: [number | null, number, number], n: number): Buffer {
  if (codes[0] !== null && n < 0x100) return Buffer.from([codes[0], n]);
  const short = n < 0x10000;
  const bytes = Buffer.alloc(short ? 3 : 5);
  bytes[0] = short ? codes[1] : codes[2];
  if (short) bytes.writeUInt16BE(n, 1);
  else bytes.writeUInt32BE(n, 1);
  return bytes;
}

/**
 * The MessagePack header of an array or a map of `n` elements, as msgpackr writes them: the shortest for
 * an array, at least 16 bits of count for a map (it writes an object's count after its entries).
 */
function header(kind: 'array' | 'map', n: number): Buffer {
  if (kind === 'array') return n < 16 ? Buffer.from([0x90 | n]) : sized([null, 0xdc, 0xdd], n);
  return sized([null, 0xde, 0xdf], n);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Typed arrays of more bytes than this are written from their own memory. */
const VIEW_FROM = 1024;

/**
 * The header msgpackr (moreTypes) writes before a typed array's bytes: an ext (0xc7-0xc9) of type 0x74
 * whose data is a byte naming the array's type, then the array's bytes. Null when an empty array of the
 * type does not pack as that ext (then the array is packed as a whole).
 */
function typedHeader(array: ArrayBufferView): Buffer | null {
  const empty = packPart(new (array.constructor as new (length: number) => ArrayBufferView)(0));
  if (empty.length !== 4 || empty[0] !== 0xc7 || empty[1] !== 1 || empty[2] !== 0x74) return null;
  return Buffer.concat([sized([0xc7, 0xc8, 0xc9], array.byteLength + 1), empty.subarray(2)]);
}

/** A typed array's own memory, as a Buffer (no copy). */
const bytesOf = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

/** Packs a value as the snapshot's packer does, into parts to be written one after the other; a step per part. */
function* packSteps(value: unknown): Generator<void, Buffer[]> {
  const parts: Buffer[] = [];
  function* walk(v: unknown, depth: number): Generator<void> {
    if (depth < DEPTH && Array.isArray(v) && v.length > SPLIT_FROM) {
      parts.push(header('array', v.length));
      for (const item of v) yield* walk(item, depth + 1);
      return;
    }
    if (depth < DEPTH && isPlainObject(v)) {
      const keys = Object.keys(v);
      if (depth === 0 || keys.length > SPLIT_FROM) {
        parts.push(header('map', keys.length));
        for (const key of keys) {
          parts.push(packPart(key));
          yield* walk(v[key], depth + 1);
        }
        return;
      }
    }
    const typed = ArrayBuffer.isView(v) && v.byteLength > VIEW_FROM ? typedHeader(v) : null;
    if (typed) parts.push(typed, bytesOf(v as ArrayBufferView));
    else parts.push(packPart(v));
    yield;
  }
  yield* walk(value, 0);
  return parts;
}

/** The parts of a value packed as the snapshot's packer does, letting the event loop turn every `sliceMs`. */
export function packParts(value: unknown, sliceMs = 8): Promise<Buffer[]> {
  return inSlices(packSteps(value), sliceMs);
}

/** Parts written with one call at most (the system's limit on buffers in one write is 1,024). */
const PARTS_PER_WRITE = 1024;

async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length;) at += (await file.write(bytes, at)).bytesWritten;
}

/** Writes the snapshot of an index in pieces (see above); atomically, as saveSnapshot does. */
export async function writeSnapshotInPieces(path: string, index: Index, sliceMs = 8): Promise<void> {
  const value = await inSlices(snapshotSteps(index), sliceMs);
  const parts = await packParts(value, sliceMs);
  const temporary = temporaryFor(path);
  try {
    const file = await open(temporary, 'w');
    try {
      for (let i = 0; i < parts.length; i += PARTS_PER_WRITE) {
        const some = parts.slice(i, i + PARTS_PER_WRITE);
        const total = some.reduce((sum, part) => sum + part.length, 0);
        const { bytesWritten } = await file.writev(some);
        // A write may take fewer bytes than it was given: the rest follows.
        if (bytesWritten < total) await writeAll(file, Buffer.concat(some).subarray(bytesWritten));
      }
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
