/**
 * An index brought to a corpus state by changes (files rewritten, added and removed, taken in piece by
 * piece as the watcher does, some after a snapshot's round trip) answers every question exactly as an
 * index built afresh from that state: who-signed, when, search, ask and autocomplete, word for word and
 * in the same order.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { generateCorpus } from '../../scripts/generate/corpus.ts';
import { answer } from '../../src/answers/index.ts';
import { autocomplete } from '../../src/answers/autocomplete.ts';
import { relink, replaceRecords, updateIndex, type Index } from '../../src/index/build.ts';
import { loadSnapshot, saveSnapshot } from '../../src/index/cache.ts';
import { openIndex } from '../../src/index/open.ts';
import { isSkipped, readRecord, type ArticleRecord } from '../../src/index/records.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function record(dir: string, file: string): ArticleRecord {
  const read = readRecord(dir, file);
  if (isSkipped(read)) throw new Error(read.reason);
  return read;
}

/** Takes files in as the watcher does: a few at a time, each piece relinked, then the removals. */
function apply(index: Index, dir: string, written: string[], removed: string[]): void {
  const records = written.map((file) => record(dir, file));
  for (let at = 0; at + 3 < records.length; at += 3) {
    replaceRecords(index, { added: records.slice(at, at + 3), removed: [] });
    relink(index, index.skipped);
  }
  const last = records.slice(records.length - (records.length % 3 || 3));
  updateIndex(index, { added: last, removed, skipped: index.skipped });
}

/**
 * Every answer the index gives to the questions, and autocomplete's choices for their beginnings; `titles`
 * are searched too (articles held under several names: the same score, answered in file order).
 */
function answers(index: Index, questions: { kind: string; query: string }[], titles: string[]): unknown[] {
  const out: unknown[] = [];
  for (const { kind, query } of questions) {
    const command = kind === 'when' ? 'when' : kind === 'search' ? 'search' : 'who-signed';
    out.push(answer(index, command, query));
    out.push(answer(index, 'ask', query));
    for (const length of [3, 6, 12]) out.push(autocomplete(index, command, query.slice(0, length)));
  }
  for (const title of titles) out.push(answer(index, 'search', title));
  // Misspelt and unknown words: the suggestions offered in place of answers.
  for (const query of ['Shanghia Univresity agreemnt', 'zzqx signed', 'the when', 'Institue of Medcine'])
    for (const command of ['who-signed', 'when', 'search'] as const) out.push(answer(index, command, query));
  return out;
}

test('an index changed file by file answers as one built afresh from the same files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-incremental-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const generated = generateCorpus({ articles: 260, seed: 23 });
  const first = generated.files.slice(0, 200);
  const later = generated.files.slice(200);
  for (const file of first) writeFileSync(join(dir, file.file), file.text);
  const index = openIndex(dir, { warn: () => {} });

  // Rewritten: some files take another article's text (other facts, other names), some gain a paragraph.
  const rewritten = first.filter((_, i) => i % 9 === 4 && i % 13 !== 6).map((file) => file.file);
  rewritten.forEach((file, i) => {
    const other = later[i % later.length]!;
    const text = i % 2 === 0 ? other.text : `${first[i]!.text}\n\nThe partners signed a memorandum in May.`;
    writeFileSync(join(dir, file), text);
  });
  // Added: new files, before and after the others in file order; removed: others.
  const added = later.slice(0, 40).map((file, i) => `${i % 2 ? 'n' : 'a'}${file.file}`);
  added.forEach((file, i) => writeFileSync(join(dir, file), later[i]!.text));
  const removed = first.filter((_, i) => i % 13 === 6).map((file) => file.file);
  for (const file of removed) unlinkSync(join(dir, file));
  apply(index, dir, [...rewritten, ...added.slice(0, 25)], removed);

  // Through a snapshot, then more changes.
  const path = join(dir, 'snapshot.msgpack');
  saveSnapshot(path, index);
  const loaded = loadSnapshot(path).index;
  unlinkSync(path);
  expect(loaded).not.toBeNull();
  const again = first.filter((_, i) => i % 11 === 2 && i % 13 !== 6).map((file) => file.file);
  for (const file of again) writeFileSync(join(dir, file), later[45]!.text);
  // The first file in order is where every term it has is spelt from: they are read from other files.
  const gone = [added[3]!, first[100]!.file, first[0]!.file];
  for (const file of gone) unlinkSync(join(dir, file));
  for (const target of [index, loaded!]) apply(target, dir, [...again, ...added.slice(25)], gone);

  const fresh = openIndex(dir, { warn: () => {} });
  expect(index.articles.map((a) => a.file)).toEqual(fresh.articles.map((a) => a.file));
  const questions = generated.questions.filter((_, i) => i % 3 === 0);
  const titles = later.slice(0, 8).map((file) => file.title);
  const expected = answers(fresh, questions, titles);
  expect(answers(index, questions, titles)).toEqual(expected);
  expect(answers(loaded!, questions, titles)).toEqual(expected);
}, 120_000);
