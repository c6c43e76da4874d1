import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse.ts';
import { generateCorpus, questionsJson, type GeneratedCorpus } from '../../scripts/generate/corpus.ts';
import { normalizeLine } from '../../src/text/normalize.ts';

// GEN_TEST_ARTICLES=5000 GEN_TEST_SEED=3 run the same checks on a larger corpus or another seed.
const ARTICLES = Number(process.env.GEN_TEST_ARTICLES ?? 200);
const SEED = Number(process.env.GEN_TEST_SEED ?? 42);
const corpus = generateCorpus({ articles: ARTICLES, seed: SEED });
const byFile = new Map(corpus.files.map((f) => [f.file, f]));

function fingerprint(c: GeneratedCorpus): string {
  return c.files.map((f) => `${f.file}\n${f.text}`).join('\u0000') + questionsJson(c.questions);
}

describe('generateCorpus', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(fingerprint(generateCorpus({ articles: ARTICLES, seed: SEED }))).toBe(fingerprint(corpus));
  });

  it('gives different output for different seeds', () => {
    const other = generateCorpus({ articles: ARTICLES, seed: SEED + 1 });
    expect(fingerprint(other)).not.toBe(fingerprint(corpus));
    const same = other.files.filter((f, i) => f.text === corpus.files[i]?.text).length;
    expect(same).toBe(0);
  });

  it('names files gen_NNNNNN.txt or .md, some of each', () => {
    expect(corpus.files).toHaveLength(ARTICLES);
    for (const f of corpus.files) expect(f.file).toMatch(/^gen_\d{6}\.(?:txt|md)$/);
    expect(corpus.files.some((f) => f.file.endsWith('.md'))).toBe(true);
    expect(new Set(corpus.files.map((f) => f.file)).size).toBe(ARTICLES);
  });

  it('writes articles that the parser reads with the expected title and publication date', () => {
    for (const f of corpus.files) {
      const article = parseArticle(f.file, f.text);
      expect(article.title, f.file).toBe(f.title);
      expect(article.published, f.file).toBe(f.published);
      expect(article.paragraphs.length, f.file).toBeGreaterThan(1);
    }
    // Some articles carry no date line at all, as reposts do.
    expect(corpus.files.some((f) => f.published === null)).toBe(true);
  });

  it('writes some no-break spaces inside sentences, as copy-pasted pages have them', () => {
    expect(corpus.files.some((f) => f.text.includes('\u00a0'))).toBe(true);
  });

  it('produces questions of every kind, a few per article', () => {
    const kinds = new Set(corpus.questions.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['search', 'when', 'who-signed']);
    expect(corpus.questions.some((q) => q.kind === 'who-signed' && q.signers?.length === 0)).toBe(true);
    const perArticle = new Map<string, number>();
    for (const q of corpus.questions) perArticle.set(q.article, (perArticle.get(q.article) ?? 0) + 1);
    expect(Math.max(...perArticle.values())).toBeLessThanOrEqual(2);
    expect(corpus.questions.length).toBeGreaterThan(ARTICLES);
  });

  it('respects the questions-per-article cap', () => {
    const one = generateCorpus({ articles: 50, seed: 5, questionsPerArticle: 1 });
    const perArticle = new Map<string, number>();
    for (const q of one.questions) perArticle.set(q.article, (perArticle.get(q.article) ?? 0) + 1);
    expect(Math.max(...perArticle.values())).toBe(1);
  });

  it('gives questions exactly the shape of the evaluation files', () => {
    for (const q of corpus.questions) {
      const keys = Object.keys(q);
      expect(keys.slice(0, 2)).toEqual(['kind', 'query']);
      expect(q.query.trim()).toBe(q.query);
      expect(q.query.length).toBeGreaterThan(2);
      if (q.kind === 'who-signed') {
        expect(Array.isArray(q.signers)).toBe(true);
        expect('date' in q).toBe(true);
      } else {
        expect(q.signers).toBeUndefined();
      }
      if (q.kind === 'search') expect('date' in q).toBe(false);
      if (q.kind === 'when') expect(typeof q.date).toBe('string');
      for (const key of keys)
        expect(['kind', 'query', 'signers', 'date', 'article', 'evidence', 'note']).toContain(key);
    }
  });

  it('quotes every evidence sentence verbatim from its article, as one sentence the parser finds', () => {
    for (const q of corpus.questions) {
      const file = byFile.get(q.article);
      expect(file, q.article).toBeDefined();
      if (!file) continue;
      expect(file.text.includes(q.evidence), `${q.article}: ${q.evidence}`).toBe(true);
      const article = parseArticle(file.file, file.text);
      const sentences = article.sentences.map((s) => s.text);
      expect(sentences, `${q.article}: ${q.evidence}`).toContain(normalizeLine(q.evidence));
    }
  });

  it('names the signers in the evidence sentence', () => {
    for (const q of corpus.questions) {
      if (q.kind !== 'who-signed') continue;
      const evidence = normalizeLine(q.evidence);
      for (const name of q.signers ?? []) expect(evidence, q.article).toContain(name);
      if (q.signers?.length === 0) expect(q.date).toBeNull();
    }
  });

  it('gives dates consistent with publication dates, never after publication', () => {
    for (const q of corpus.questions) {
      if (q.date === undefined || q.date === null) continue;
      const published = byFile.get(q.article)?.published ?? null;
      expect(q.date).toMatch(/^(?:\d{4}|-)-\d{2}-\d{2}$/);
      if (published) {
        expect(q.date, q.article).toMatch(/^\d{4}-/);
        expect(q.date <= published, `${q.article}: ${q.date} > ${published}`).toBe(true);
        const yearBefore = `${Number(published.slice(0, 4)) - 1}${published.slice(4)}`;
        expect(q.date > yearBefore, `${q.article}: ${q.date} more than a year before ${published}`).toBe(
          true,
        );
      }
      if (q.date.startsWith('--')) expect(published).toBeNull();
    }
  });

  it('finds the month of a "when" answer in its evidence', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (const q of corpus.questions) {
      if (q.kind !== 'when' || !q.date) continue;
      const month = months[Number(q.date.slice(-5, -3)) - 1] ?? '';
      const day = String(Number(q.date.slice(-2)));
      expect(q.evidence, q.article).toContain(month);
      expect(q.evidence, q.article).toMatch(new RegExp(`\\b${day}(?:st|nd|rd|th)?\\b`));
    }
  });

  it('uses search keywords taken from the evidence sentence', () => {
    for (const q of corpus.questions) {
      if (q.kind !== 'search') continue;
      const evidence = normalizeLine(q.evidence).toLowerCase();
      const words = q.query.toLowerCase().split(/\s+/);
      expect(words.length).toBeGreaterThanOrEqual(3);
      expect(words.length).toBeLessThanOrEqual(6);
      for (const word of words) expect(evidence, q.query).toContain(word);
    }
  });
});
