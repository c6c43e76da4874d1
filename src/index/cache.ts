/**
 * The index cache: a snapshot of everything the index of a corpus folder derived — the records, the
 * MiniSearch index, the fact search — so that a restart over unchanged files loads it instead of
 * re-reading, re-parsing and re-indexing. A snapshot is keyed by the corpus folder and salted with the code
 * and the libraries that build it: change the parser, the extractor, MiniSearch or the stemmer and old
 * snapshots are ignored.
 *
 * It is MessagePack (msgpackr), numbers in typed arrays: read as bytes and decoded without first becoming
 * one large string. Measured on 10,000 generated articles (2 cores, busy): JSON 51 MB, JSON.parse of
 * the string 0.67 s plus 0.18 s to read it as UTF-8; msgpackr of the same objects 44 MB, 0.02 s to read
 * and 0.86 s to decode, the difference being MiniSearch's objects with numeric keys, which msgpackr
 * decodes more slowly than V8's JSON parser. With the fact search's numbers in typed arrays (a few
 * large arrays instead of 1.3 million small values) and its words in tables, msgpackr is the one that
 * can hold them without converting them; cbor-x would do as well but its native part fails to install
 * from the registry here.
 *
 * A snapshot that cannot be read, has another salt or does not have the expected shape is ignored (the
 * index is rebuilt, with one warning); it never stops a start.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Packr } from 'msgpackr';
import type { Article, SkippedFile } from '../corpus/types.ts';
import type { StoredFactSearch } from './factSearch.ts';
import { emptyIndex, newSearch, relink, type ArticleDoc, type Index } from './build.ts';
import { makeFolder } from './folder.ts';
import type { ArticleRecord } from './records.ts';
import type { StoredSuggestions } from './suggestions.ts';
import { PassageTerms, type StoredPassageTerms } from './passageTerms.ts';
import { searchColumnSteps, searchOfColumns, type SearchColumns } from './searchColumns.ts';
import { finish } from './steps.ts';
import {
  array,
  literal,
  nullable,
  number,
  object,
  optional,
  recordOf,
  string,
  strings,
  tuple,
  uint32Array,
  uint8Array,
} from './shape.ts';

/** An article in a snapshot: its text once; paragraphs and sentence texts are cut from it on loading. */
type StoredArticle = Omit<Article, 'paragraphs' | 'sentences'> & {
  /** start, end and paragraph of each sentence, one after the other. */
  sentences: Uint32Array;
};
export type StoredRecord = Omit<ArticleRecord, 'article'> & { article: StoredArticle };
/** A record in a snapshot: its sentences' offsets are in the snapshot's `sentences`, with all others. */
type SnapshotRecord = Omit<ArticleRecord, 'article'> & { article: Omit<StoredArticle, 'sentences'> };

/**
 * Raised to 2 with MessagePack and the fact search in the snapshot; to 3 with MiniSearch's index in
 * columns (searchColumns.ts) and autocomplete's suggestions stored; to 4 with the sentences of all records in
 * one array; to 5 with the file each term's spelling was read from.
 */
const FORMAT = 5;

/** In `surfaceFiles`: a spelling whose file is not known. */
const NO_FILE = 0xffffffff;

const packr = new Packr({ moreTypes: true, useRecords: false });

/** The snapshot file of a corpus folder inside a cache folder. */
export function snapshotPath(cacheDir: string, corpusDir: string): string {
  const key = createHash('sha1').update(resolve(corpusDir)).digest('hex').slice(0, 16);
  return join(cacheDir, `index-${key}.msgpack`);
}

let codeSalt: string | undefined;

/** The source files that turn files into records and index: the parser, text, facts and index code. */
function indexSources(): { name: string; code: Buffer }[] {
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  const sources: { name: string; code: Buffer }[] = [];
  for (const folder of ['corpus', 'text', 'facts', 'index']) {
    const dir = join(src, folder);
    for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
      if (/\.(?:ts|mjs)$/.test(name))
        sources.push({ name: `${folder}/${name}`, code: readFileSync(join(dir, name)) });
    }
  }
  return sources;
}

/** The packages that the index's source imports: MiniSearch, the stemmer, the snapshot's encoder... */
export function indexLibraries(sources = indexSources()): string[] {
  const libraries = new Set<string>();
  for (const { code } of sources) {
    for (const match of code.toString('utf8').matchAll(/\bfrom\s+'([^'.][^']*)'/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      libraries.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return [...libraries].sort();
}

/**
 * A hash of what turns files into records and index: the source of the parser, text, facts and index
 * code, and the name and version of every library that source imports (read from the installed package).
 */
export function buildSalt(version?: (library: string) => string): string {
  if (codeSalt && !version) return codeSalt;
  const hash = createHash('sha1').update(`format ${FORMAT}\n`);
  const sources = indexSources();
  for (const { name, code } of sources) hash.update(name).update(code);
  for (const library of indexLibraries(sources))
    hash.update(`\n${library}@${(version ?? libraryVersion)(library)}`);
  const salt = hash.digest('hex');
  if (!version) codeSalt = salt;
  return salt;
}

/** The installed version of a package: the package.json above its entry point. */
export function libraryVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return 'missing';
  }
  for (let depth = 0; depth < 8; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name) return manifest.version ?? 'unknown';
    } catch {
      // no manifest here: look further up
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}

interface Snapshot {
  format: number;
  salt: string;
  records: SnapshotRecord[];
  /**
   * The start, end and paragraph of every sentence of every record, one record after the other, and how
   * many numbers each record has: one array, where an array per record cost msgpackr 10,000 buffers.
   */
  sentences: Uint32Array;
  sentenceCounts: Uint32Array;
  skipped: SkippedFile[];
  search: SearchColumns;
  /** The MiniSearch document id of each record, in the order of `records`. */
  documentIds: Uint32Array;
  nextDocumentId: number;
  /** The index's terms, with their document frequency and their spelling in the corpus ('' when none). */
  terms: string[];
  documentFrequency: Uint32Array;
  surface: string[];
  /** The number in `records` of the file each term's spelling was read from (spellings.ts), or NO_FILE. */
  surfaceFiles: Uint32Array;
  factSearch: StoredFactSearch;
  /** The terms of each record's title and sentences, in the order of `records` (passageTerms.ts). */
  passageTerms: StoredPassageTerms;
  /** What autocomplete offers, with its counts (index/suggestions.ts). */
  suggestions: StoredSuggestions;
}

const nullableString = nullable(string);
const organization = object({ name: string, aliases: strings });
const numbers = array(number);
const signer = object({ name: string, role: nullableString, organization: nullableString });
const factBase = {
  article: number,
  sentences: numbers,
  sentence: number,
  date: nullableString,
  dateText: nullableString,
  organizations: array(organization),
  confidence: optional(number),
};
const storedDocs = object({
  rows: array(tuple(strings, strings, strings, strings, nullableString)),
  counts: uint32Array,
  numbers: uint32Array,
  codes: uint8Array,
});
const storedList = object({ texts: strings, folded: strings, counts: uint32Array });
const storedFactIndex = object({ terms: strings, words: strings, wordTerms: uint32Array });

/** The shape of a snapshot: what loading reads is checked before it is used (see shape.ts). */
const SNAPSHOT = object({
  format: literal(FORMAT),
  salt: string,
  records: array(
    object({
      file: string,
      hash: string,
      stamp: string,
      words: number,
      article: object({
        id: string,
        file: string,
        title: string,
        published: nullableString,
        dateLine: nullableString,
        dateline: nullable(object({ text: string, start: number, end: number, date: nullableString })),
        byline: nullableString,
        source: nullableString,
        text: string,
      }),
      aliases: array(object({ short: string, long: string })),
      facts: object({
        signings: array(
          object({ ...factBase, signers: array(signer), agreement: nullableString, parties: strings }),
        ),
        events: array(object({ ...factBase, event: string, place: nullableString })),
      }),
    }),
  ),
  sentences: uint32Array,
  sentenceCounts: uint32Array,
  skipped: array(object({ file: string, reason: string })),
  search: object({
    documentCount: number,
    nextId: number,
    fieldIds: recordOf(number),
    averageFieldLength: numbers,
    dirtCount: number,
    shortIds: uint32Array,
    ids: uint32Array,
    fieldLength: uint32Array,
    terms: strings,
    termFields: uint8Array,
    fields: uint8Array,
    counts: uint32Array,
    docs: uint32Array,
    frequencies: uint32Array,
  }),
  documentIds: uint32Array,
  nextDocumentId: number,
  terms: strings,
  documentFrequency: uint32Array,
  surface: strings,
  surfaceFiles: uint32Array,
  factSearch: object({
    aliasKey: string,
    signings: storedFactIndex,
    events: storedFactIndex,
    files: array(tuple(string, number, number, strings)),
    signingDocs: storedDocs,
    eventDocs: storedDocs,
  }),
  passageTerms: object({ terms: strings, passages: uint32Array }),
  suggestions: object({ signings: storedList, events: storedList, titles: storedList }),
});

/** The bytes of an index's snapshot. */
export function encodeSnapshot(index: Index): Buffer {
  const bytes = packr.pack(snapshotOf(index));
  releaseTarget();
  return bytes;
}

/**
 * msgpackr packs into a buffer it keeps for the next value, grown to the largest it packed: after a
 * snapshot, 76 MB for 44 MB of bytes, kept for the bot's life. A small one takes its place (the bytes
 * returned are a view of the large one, which goes when they do).
 */
function releaseTarget(): void {
  packr.useBuffer(Buffer.allocUnsafeSlow(8192));
}

/** A value packed as it is inside a snapshot; a copy, as the packer reuses its buffer (watch's writer). */
export function packPart(value: unknown): Buffer {
  return Buffer.from(packr.pack(value));
}

/** What a snapshot packs: encodeSnapshot's bytes are this packed (index/snapshotWriter.ts packs it in pieces). */
export function snapshotOf(index: Index): object {
  return finish(snapshotSteps(index));
}

/** Records stored between two steps of snapshotSteps. */
const RECORDS_PER_STEP = 256;

/**
 * snapshotOf a step at a time (a few hundred records, a few thousand terms, a part), for a caller that
 * lets other work run between steps (snapshotWriter.ts); the index must not change until the last.
 */
export function* snapshotSteps(index: Index): Generator<void, object> {
  const records = [...index.records.values()];
  const terms = [...index.documentFrequency.keys()];
  const documentIds = Uint32Array.from(records, (r) => index.documentIds.get(r.file) ?? 0);
  // Each record stored, its sentence offsets apart (all in one column).
  const stored: Snapshot['records'] = [];
  const sentenceCounts = new Uint32Array(records.length);
  const offsets: Uint32Array[] = [];
  for (const [i, record] of records.entries()) {
    if (i % RECORDS_PER_STEP === 0) yield;
    const {
      article: { sentences, ...article },
      ...rest
    } = storeRecord(record);
    stored.push({ ...rest, article });
    sentenceCounts[i] = sentences.length;
    offsets.push(sentences);
  }
  yield;
  const sentences = new Uint32Array(sentenceCounts.reduce((sum, count) => sum + count, 0));
  let at = 0;
  for (const list of offsets) {
    sentences.set(list, at);
    at += list.length;
  }
  yield;
  const search = yield* searchColumnSteps(index.search);
  const factSearch = index.factSearch.store();
  yield;
  const passageTerms = index.passageTerms.store(documentIds);
  yield;
  const suggestions = index.suggestions.store();
  yield;
  const snapshot: Snapshot = {
    format: FORMAT,
    salt: buildSalt(),
    records: stored,
    sentences,
    sentenceCounts,
    skipped: index.skipped,
    search,
    documentIds,
    nextDocumentId: index.nextDocumentId,
    terms,
    documentFrequency: Uint32Array.from(terms, (t) => index.documentFrequency.get(t)!),
    surface: terms.map((t) => index.surface.get(t) ?? ''),
    surfaceFiles: surfaceFilesOf(index, records, terms),
    factSearch,
    passageTerms,
    suggestions,
  };
  return snapshot;
}

/** The number in `records` of the file each term's spelling was read from, or NO_FILE. */
function surfaceFilesOf(index: Index, records: ArticleRecord[], terms: string[]): Uint32Array {
  const place = new Map(records.map((record, i) => [record.file, i]));
  return Uint32Array.from(terms, (t) => place.get(index.surfaceFiles.get(t) ?? '') ?? NO_FILE);
}

/**
 * Writes the snapshot of an index, atomically (a reader never sees half a file); a temporary file that
 * a failed write leaves is removed, and so are those that stopped processes left.
 */
export function saveSnapshot(path: string, index: Index): void {
  const bytes = encodeSnapshot(index);
  const temporary = temporaryFor(path);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // it was never written
    }
    throw error;
  }
}

/**
 * Readies the writing of a snapshot at `path`: its folder made, stopped writers' temporary files removed;
 * returns this process's temporary file, to be written and then renamed over `path`.
 */
export function temporaryFor(path: string): string {
  makeFolder(dirname(path));
  removeStaleTemporaries(path);
  return `${path}.${process.pid}.tmp`;
}

/**
 * Removes the temporary files of a snapshot whose writer is no longer running, and the snapshot of the
 * same folder in the previous format (.json).
 */
export function removeStaleTemporaries(path: string): void {
  const dir = dirname(path);
  const prefix = `${path.slice(dir.length + 1)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  // The snapshot of the same folder in the format before this one.
  const previous = `${prefix.slice(0, -'.msgpack.'.length)}.json`;
  for (const name of names) {
    if (name === previous) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // not ours to remove
      }
      continue;
    }
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (pid === process.pid || (Number.isInteger(pid) && pid > 0 && isRunning(pid))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The time each step of the last snapshot load took, in milliseconds. */
export interface LoadSplit {
  read: number;
  decode: number;
  validate: number;
  load: number;
  derive: number;
}

export type SnapshotResult =
  { index: Index; split: LoadSplit } | { index: null; reason: string | null; split: LoadSplit };

/**
 * Loads a snapshot. No index when there is none or it was made by other code or libraries (reason null:
 * it is rebuilt silently), or when it is unreadable or does not have the expected shape (the reason, for
 * one warning).
 */
export function loadSnapshot(path: string): SnapshotResult {
  const split: LoadSplit = { read: 0, decode: 0, validate: 0, load: 0, derive: 0 };
  let at = performance.now();
  const lap = (step: keyof LoadSplit) => {
    const now = performance.now();
    split[step] = Math.round(now - at);
    at = now;
  };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { index: null, reason: missing ? null : (error as Error).message, split };
  }
  lap('read');
  let decoded: unknown;
  try {
    decoded = packr.unpack(bytes);
  } catch (error) {
    return { index: null, reason: `it cannot be decoded (${(error as Error).message})`, split };
  } finally {
    releaseSource();
  }
  lap('decode');
  // Another version of Accord or of its libraries made it: an expected rebuild, not a problem to report.
  const head = decoded as Partial<Snapshot> | null;
  if (head?.format !== FORMAT || head.salt !== buildSalt()) return { index: null, reason: null, split };
  const problem = SNAPSHOT(decoded);
  if (problem !== null)
    return { index: null, reason: `it does not have the expected shape (${problem})`, split };
  lap('validate');
  try {
    const index = indexOfSnapshot(decoded as Snapshot, lap);
    return index ? { index, split } : { index: null, reason: 'its parts do not agree', split };
  } catch (error) {
    return { index: null, reason: `it could not be loaded (${(error as Error).message})`, split };
  }
}

/** A MessagePack nil: one byte. */
const NIL = Uint8Array.of(0xc0);

/**
 * msgpackr keeps a view of the last bytes it decoded (a module-level DataView), which would keep the whole
 * snapshot file (45 MB at 10,000 articles) alive for as long as the bot runs: decoding one byte after it
 * lets those bytes go.
 */
function releaseSource(): void {
  packr.unpack(NIL);
}

function indexOfSnapshot(snapshot: Snapshot, lap: (step: keyof LoadSplit) => void): Index | null {
  const index = emptyIndex();
  const { sentences, sentenceCounts } = snapshot;
  if (sentenceCounts.length !== snapshot.records.length) return null;
  let at = 0;
  for (const count of sentenceCounts) {
    if (count % 3 !== 0) return null;
    at += count;
  }
  if (at !== sentences.length) return null;
  at = 0;
  snapshot.records.forEach((stored, i) => {
    const count = sentenceCounts[i]!;
    const record = recordWith(stored, sentences.subarray(at, (at += count)));
    const id = snapshot.documentIds[i]!;
    index.records.set(record.file, record);
    index.documents.set(id, record.article);
    index.documentIds.set(record.file, id);
  });
  if (index.records.size !== snapshot.records.length) return null;
  const passageTerms = PassageTerms.restore(
    snapshot.passageTerms,
    snapshot.documentIds,
    [...index.records.values()].map((r) => r.article),
  );
  if (!passageTerms) return null;
  index.passageTerms = passageTerms;
  index.nextDocumentId = snapshot.nextDocumentId;
  const { terms, documentFrequency, surface, surfaceFiles } = snapshot;
  if (documentFrequency.length !== terms.length || surface.length !== terms.length) return null;
  if (surfaceFiles.length !== terms.length) return null;
  terms.forEach((term, i) => {
    index.documentFrequency.set(term, documentFrequency[i]!);
    if (!surface[i]) return;
    index.surface.set(term, surface[i]);
    const file = snapshot.records[surfaceFiles[i]!]?.file;
    if (file !== undefined) index.surfaceFiles.set(term, file);
  });
  index.search = newSearch(index, (options) => searchOfColumns<ArticleDoc>(snapshot.search, options));
  if (index.search.documentCount !== index.records.size) return null;
  // Counted and sorted when saved: relink then finds every record counted.
  if (!index.suggestions.restore(snapshot.suggestions, index.records.values(), index.documentFrequency))
    return null;
  lap('load');
  relink(index, snapshot.skipped, snapshot.factSearch);
  lap('derive');
  return index;
}

/** A record without what can be cut from its text again: for snapshots and for worker threads. */
export function storeRecord(record: ArticleRecord): StoredRecord {
  const { paragraphs: _, sentences, ...article } = record.article;
  const offsets = new Uint32Array(sentences.length * 3);
  sentences.forEach((s, i) => offsets.set([s.start, s.end, s.paragraph], i * 3));
  return { ...record, article: { ...article, sentences: offsets } };
}

/** The record a stored record was made from. */
export function loadRecord(stored: StoredRecord): ArticleRecord {
  const { sentences, ...article } = stored.article;
  return recordWith({ ...stored, article }, sentences);
}

/** The record of a stored record without its sentences, and its sentences' offsets. */
function recordWith(stored: SnapshotRecord, offsets: Uint32Array): ArticleRecord {
  const { article } = stored;
  const sentences = [];
  for (let i = 0; i * 3 < offsets.length; i++) {
    const start = offsets[i * 3]!;
    const end = offsets[i * 3 + 1]!;
    sentences.push({
      text: article.text.slice(start, end),
      start,
      end,
      paragraph: offsets[i * 3 + 2]!,
      index: i,
    });
  }
  return { ...stored, article: { ...article, paragraphs: article.text.split('\n\n'), sentences } };
}
