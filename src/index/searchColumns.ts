/**
 * MiniSearch's inner fields, in the one place Accord uses them: its index as a snapshot's columns,
 * removing a document by its terms (removeDocument), the documents that have a term (documentsWith).
 *
 * The MiniSearch index of a snapshot in columns: its terms in one list, and its postings (which documents
 * hold each term, in which field, how often) in a few typed arrays, instead of MiniSearch's own plain
 * object (toJSON), which holds one object per term and field with one key per document.
 *
 * Measured on 10,000 generated articles (868,749 postings, 7,048 terms; CPU time, one process, 2 busy
 * cores): toJSON's object costs 313 ms to decode with msgpackr and 225-265 ms more in MiniSearch.loadJS
 * (each document number a string key, parsed back into a number); the columns decode in a few ms, and
 * filling MiniSearch's maps from them takes about a tenth of loadJS.
 *
 * Filling the maps uses MiniSearch's inner fields (what loadJS itself fills): the snapshot's salt holds
 * MiniSearch's version, so these columns are only ever read by the version that wrote them, and
 * `searchOfColumns` checks that the fields it fills are there before it fills them.
 */
import MiniSearch, { type Options } from 'minisearch';
import { finish } from './steps.ts';

/** What MiniSearch's index holds, in columns. */
export interface SearchColumns {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  /** MiniSearch's short id of each document, and the document id it stands for. */
  shortIds: Uint32Array;
  ids: Uint32Array;
  /** The length of each field of each document, fieldCount per document (MISSING where none). */
  fieldLength: Uint32Array;
  /** The terms, in MiniSearch's order. */
  terms: string[];
  /** For each term, the number of fields it occurs in; then for each of those, the field id and the number of documents. */
  termFields: Uint8Array;
  fields: Uint8Array;
  counts: Uint32Array;
  /** The short ids of the documents of each term and field, one after the other, and the term's frequency in each. */
  docs: Uint32Array;
  frequencies: Uint32Array;
}

/** A field length MiniSearch does not have (a document without that field). */
const MISSING = 0xffffffff;

/**
 * The parts of MiniSearch that loadJS fills and toJSON reads, and those its `remove` changes: the one
 * description of MiniSearch's inner fields in Accord.
 */
interface Inner {
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, unknown>;
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    set(term: string, value: Map<number, Map<number, number>>): unknown;
    delete(term: string): unknown;
    [Symbol.iterator](): Iterator<[string, Map<number, Map<number, number>>]>;
  };
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
  removeFieldLength(short: number, field: number, count: number, length: number): void;
}

const inner = (search: MiniSearch<never>): Inner => search as unknown as Inner;

/** Terms gone through between two steps of searchColumnSteps. */
const TERMS_PER_STEP = 2048;

/** The columns of a MiniSearch index (its documents' ids are numbers; it stores no fields). */
export function searchColumns<T>(search: MiniSearch<T>): SearchColumns {
  return finish(searchColumnSteps(search));
}

/**
 * searchColumns a step at a time (a step: a few thousand terms), for a caller that lets other work run
 * between steps; the search must not change until the last.
 */
export function* searchColumnSteps<T>(search: MiniSearch<T>): Generator<void, SearchColumns> {
  const s = inner(search as MiniSearch<never>);
  if (s._storedFields.size > 0) throw new Error('a MiniSearch that stores fields has no columns');
  const fieldCount = Object.keys(s._fieldIds).length;
  const shortIds = new Uint32Array(s._documentIds.size);
  const ids = new Uint32Array(s._documentIds.size);
  const fieldLength = new Uint32Array(s._documentIds.size * fieldCount).fill(MISSING);
  let d = 0;
  for (const [shortId, id] of s._documentIds) {
    shortIds[d] = shortId;
    ids[d] = id as number;
    const lengths = s._fieldLength.get(shortId) ?? [];
    lengths.forEach((length, field) => (fieldLength[d * fieldCount + field] = length));
    d++;
  }
  const terms: string[] = [];
  const termFields: number[] = [];
  const fields: number[] = [];
  const counts: number[] = [];
  let postings = 0;
  for (const [term, byField] of s._index) {
    if (terms.length % TERMS_PER_STEP === 0) yield;
    terms.push(term);
    termFields.push(byField.size);
    for (const [field, docs] of byField) {
      fields.push(field);
      counts.push(docs.size);
      postings += docs.size;
    }
  }
  const docs = new Uint32Array(postings);
  const frequencies = new Uint32Array(postings);
  let p = 0;
  let t = 0;
  for (const [, byField] of s._index) {
    if (t++ % TERMS_PER_STEP === 0) yield;
    for (const [, byDoc] of byField) {
      for (const [doc, frequency] of byDoc) {
        docs[p] = doc;
        frequencies[p++] = frequency;
      }
    }
  }
  return {
    documentCount: s._documentCount,
    nextId: s._nextId,
    fieldIds: s._fieldIds,
    averageFieldLength: s._avgFieldLength,
    dirtCount: s._dirtCount,
    shortIds,
    ids,
    fieldLength,
    terms,
    termFields: Uint8Array.from(termFields),
    fields: Uint8Array.from(fields),
    counts: Uint32Array.from(counts),
    docs,
    frequencies,
  };
}

/**
 * The MiniSearch of some columns, with the given options; an Error when the columns do not agree with
 * one another (lengths, counts, field ids).
 */
export function searchOfColumns<T>(columns: SearchColumns, options: Options<T>): MiniSearch<T> {
  const c = columns;
  const fieldCount = Object.keys(c.fieldIds).length;
  const fieldIds = new Set(Object.values(c.fieldIds));
  if (
    c.ids.length !== c.shortIds.length ||
    c.fieldLength.length !== c.shortIds.length * fieldCount ||
    c.termFields.length !== c.terms.length ||
    c.counts.length !== c.fields.length ||
    c.docs.length !== c.frequencies.length ||
    c.averageFieldLength.length !== fieldCount
  )
    throw new Error('the columns of the search index do not agree');
  // MiniSearch sets its counters and field ids itself; its maps are filled below.
  const search = MiniSearch.loadJS<T>(
    {
      documentCount: c.documentCount,
      nextId: c.nextId,
      documentIds: {},
      fieldIds: c.fieldIds,
      fieldLength: {},
      averageFieldLength: c.averageFieldLength,
      storedFields: {},
      dirtCount: c.dirtCount,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const s = inner(search as MiniSearch<never>);
  if (
    !(s._documentIds instanceof Map) ||
    !(s._idToShortId instanceof Map) ||
    !(s._fieldLength instanceof Map) ||
    typeof s._index?.set !== 'function'
  )
    throw new Error('this MiniSearch does not keep its index as the snapshot expects');
  for (let d = 0; d < c.shortIds.length; d++) {
    const shortId = c.shortIds[d]!;
    s._documentIds.set(shortId, c.ids[d]!);
    s._idToShortId.set(c.ids[d]!, shortId);
    const lengths: number[] = [];
    for (let f = 0; f < fieldCount; f++) {
      const length = c.fieldLength[d * fieldCount + f]!;
      if (length !== MISSING) lengths[f] = length;
    }
    s._fieldLength.set(shortId, lengths);
  }
  let e = 0;
  let p = 0;
  const { docs, frequencies, counts, fields } = c;
  for (let t = 0; t < c.terms.length; t++) {
    const byField = new Map<number, Map<number, number>>();
    for (let k = c.termFields[t]!; k > 0; k--, e++) {
      const field = fields[e];
      const end = p + (counts[e] ?? 0);
      if (field === undefined || !fieldIds.has(field) || end > docs.length)
        throw new Error('the postings of the search index do not agree with its terms');
      const byDoc = new Map<number, number>();
      for (; p < end; p++) byDoc.set(docs[p]!, frequencies[p]!);
      byField.set(field, byDoc);
    }
    s._index.set(c.terms[t]!, byField);
  }
  if (e !== fields.length || p !== docs.length)
    throw new Error('the postings of the search index do not agree with its terms');
  return search;
}

/**
 * Removes a document from MiniSearch as its `remove` does, by its distinct terms rather than by reading
 * its text again. Not `discard`: a discarded document stays in its terms' lists until MiniSearch vacuums
 * them, later, and until then counts in their rarity (an index changed in place would rank otherwise than
 * one built afresh).
 */
export function removeDocument<T>(search: MiniSearch<T>, id: number, terms: Set<string>): void {
  const s = inner(search as MiniSearch<never>);
  const short = s._idToShortId.get(id);
  if (short === undefined) return;
  const lengths = s._fieldLength.get(short) ?? [];
  for (const field of Object.values(s._fieldIds))
    s.removeFieldLength(short, field, s._documentCount, lengths[field] ?? 0);
  for (const term of terms) {
    const fields = s._index.get(term);
    if (!fields) continue;
    for (const [field, documents] of fields)
      if (documents.delete(short) && documents.size === 0) fields.delete(field);
    if (fields.size === 0) s._index.delete(term);
  }
  s._storedFields.delete(short);
  s._documentIds.delete(short);
  s._idToShortId.delete(id);
  s._fieldLength.delete(short);
  s._documentCount -= 1;
}

/** The ids of the documents of a MiniSearch that have a term (in any field; one may come twice). */
export function documentsWith(search: object, term: string): number[] {
  const s = inner(search as MiniSearch<never>);
  const ids: number[] = [];
  for (const field of s._index.get(term)?.values() ?? [])
    for (const short of field.keys()) {
      const id = s._documentIds.get(short);
      if (id !== undefined) ids.push(id as number);
    }
  return ids;
}
