/**
 * The terms of every article's title and sentences, computed once when the article is indexed: what
 * /search ranks sentences by (answers/search.ts). Each term is numbered once in a table, and an article's
 * passages are one Uint32Array: [passage count n, n + 1 offsets, then the term ids of the title and of
 * each sentence in order] (passage 0 is the title, passage s + 1 the sentence s). Measured on 10,000
 * generated articles: 1.2 million terms of 7,048 distinct ones, 5.3 MB; computing them takes ~0.65 s of
 * CPU, so a snapshot stores them (cache.ts) rather than a warm start recomputing them.
 */
import type { Article } from '../corpus/types.ts';
import { toTerm, wordsOf } from '../text/terms.ts';

/** The passages of all articles, as a snapshot keeps them: the term table and the blocks one after another. */
export interface StoredPassageTerms {
  terms: string[];
  passages: Uint32Array;
}

export class PassageTerms {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly byDocument = new Map<number, Uint32Array>();

  /** The passage terms of a document, when it is indexed. */
  of(document: number): Uint32Array | undefined {
    return this.byDocument.get(document);
  }

  /** The id of a term, when some passage ever had it. */
  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The term of an id. */
  termOf(id: number): string {
    return this.terms[id]!;
  }

  /** Computes and keeps the passage terms of an article indexed as `document`. */
  add(document: number, article: Article): void {
    const texts = [article.title, ...article.sentences.map((s) => s.text)];
    const found: number[] = [];
    const block: number[] = [texts.length, 0];
    for (const text of texts) {
      for (const word of wordsOf(text)) {
        const term = toTerm(word);
        if (term !== null) found.push(this.idFor(term));
      }
      block.push(found.length);
    }
    const passages = new Uint32Array(block.length + found.length);
    passages.set(block);
    passages.set(found, block.length);
    this.byDocument.set(document, passages);
  }

  /** Forgets a document's passages (its file changed or left). */
  remove(document: number): void {
    this.byDocument.delete(document);
  }

  /** How many documents have passages, and their bytes (term table aside). */
  get size(): { documents: number; bytes: number } {
    let bytes = 0;
    for (const block of this.byDocument.values()) bytes += block.byteLength;
    return { documents: this.byDocument.size, bytes };
  }

  /**
   * The passages of `documents`, in that order, for a snapshot: the table holds the terms they use
   * (terms of articles gone are left out), renumbered in order of first use.
   */
  store(documents: ArrayLike<number>): StoredPassageTerms {
    const renumbered = new Int32Array(this.terms.length).fill(-1);
    const terms: string[] = [];
    const blocks: Uint32Array[] = [];
    let length = 0;
    for (let d = 0; d < documents.length; d++) {
      const block = this.byDocument.get(documents[d]!);
      if (!block) throw new Error(`no passage terms for document ${documents[d]}`);
      blocks.push(block);
      length += block.length;
    }
    const passages = new Uint32Array(length);
    let at = 0;
    for (const block of blocks) {
      const first = termsStart(block);
      passages.set(block.subarray(0, first), at);
      for (let i = first; i < block.length; i++) {
        const id = block[i]!;
        if (renumbered[id] === -1) {
          renumbered[id] = terms.length;
          terms.push(this.terms[id]!);
        }
        passages[at + i] = renumbered[id]!;
      }
      at += block.length;
    }
    return { terms, passages };
  }

  /**
   * The passage terms a snapshot stored, for `documents` in the stored order, each checked to have the
   * passages of its article (its title and sentences); null when they do not agree.
   */
  static restore(
    stored: StoredPassageTerms,
    documents: ArrayLike<number>,
    articles: readonly Article[],
  ): PassageTerms | null {
    const restored = new PassageTerms();
    stored.terms.forEach((term, id) => {
      restored.ids.set(term, id);
      restored.terms.push(term);
    });
    if (restored.ids.size !== stored.terms.length || documents.length !== articles.length) return null;
    const { passages } = stored;
    let at = 0;
    for (let d = 0; d < documents.length; d++) {
      const count = passages[at];
      if (count !== articles[d]!.sentences.length + 1) return null;
      const first = at + count + 2;
      if (first > passages.length) return null;
      const end = first + passages[first - 1]!;
      if (end > passages.length) return null;
      for (let i = at + 1; i < first - 1; i++) if (passages[i]! > passages[i + 1]!) return null;
      for (let i = first; i < end; i++) if (passages[i]! >= stored.terms.length) return null;
      restored.byDocument.set(documents[d]!, passages.subarray(at, end));
      at = end;
    }
    return at === passages.length ? restored : null;
  }

  private idFor(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/** Where a block's term ids start. */
function termsStart(block: Uint32Array): number {
  return block[0]! + 2;
}

/** How many passages a block holds: the title and the sentences. */
export function passageCount(block: Uint32Array): number {
  return block[0]!;
}

/** Where passage `p` of a block starts in it (its end is where passage p + 1 starts). */
export function passageStart(block: Uint32Array, p: number): number {
  return termsStart(block) + block[1 + p]!;
}
