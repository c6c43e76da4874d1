import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/answers/types.ts';
import {
  gradeQuestion,
  normalizeText,
  personKey,
  sameDate,
  tally,
  wrongShare,
  type Question,
} from '../../src/eval/grade.ts';
import { runSuite } from '../../scripts/eval.ts';

const root = join(import.meta.dirname, '..', '..');
const article = { id: 'a', title: 'T', published: null, source: null };
const signed = (names: string[], date: string | null): Result<'who-signed'> => ({
  command: 'who-signed',
  query: 'q',
  suggestions: [],
  answers: [
    {
      quote: 'On\u00a0May 1, A and B signed X.',
      article,
      score: 1,
      highlights: [],
      signers: names.map((name) => ({ name, role: null, organization: null })),
      agreement: 'X',
      parties: [],
      date,
      dateText: null,
    },
  ],
});

describe('grading', () => {
  const question: Question = {
    kind: 'who-signed',
    query: 'q',
    signers: ['A', 'B'],
    date: '2020-05-01',
    article: 'a.txt',
    evidence: 'On May 1, A and B signed X.',
  };
  it('grades signers as an order-free exact set, the date and the article', () => {
    expect(gradeQuestion(question, signed(['B', 'A'], '2020-05-01')).ok).toBe(true);
    expect(gradeQuestion(question, signed(['A'], '2020-05-01')).ok).toBe(false);
    expect(gradeQuestion(question, signed(['A', 'B', 'C'], '2020-05-01')).ok).toBe(false);
    expect(gradeQuestion(question, signed(['A', 'B'], '2021-05-01')).ok).toBe(false);
    expect(gradeQuestion({ ...question, article: 'b.txt' }, signed(['A', 'B'], '2020-05-01')).ok).toBe(false);
  });
  it('passes a no-signers question only when no answer names a signer', () => {
    const none: Question = { kind: 'who-signed', query: 'q', signers: [], date: null, article: 'a.txt' };
    expect(gradeQuestion(none, { command: 'who-signed', query: 'q', answers: [], suggestions: [] }).ok).toBe(
      true,
    );
    expect(gradeQuestion(none, signed(['A'], null)).ok).toBe(false);
  });
  it('compares text with no-break spaces as spaces', () => {
    expect(normalizeText('a\u00a0 b\n c')).toBe('a b c');
  });
  it('a gold null date accepts no date or a month and day without a year, never a year', () => {
    expect(sameDate(null, null)).toBe(true);
    expect(sameDate(null, '--07-04')).toBe(true);
    expect(sameDate(null, '2020-07-04')).toBe(false);
  });
  it('accepts a defensible alternative date, and nothing else', () => {
    const alt: Question = { ...question, date: null, date_alt: ['2020-05-01'] };
    expect(gradeQuestion(alt, signed(['A', 'B'], '2020-05-01')).ok).toBe(true);
    expect(gradeQuestion(alt, signed(['A', 'B'], null)).ok).toBe(true);
    expect(gradeQuestion(alt, signed(['A', 'B'], '2020-05-02')).ok).toBe(false);
  });
  it('compares names with titles, case and apostrophe forms aside, but not other names', () => {
    expect(personKey('Prof. Dr. Wang Jian\u2019an')).toBe(personKey("WANG Jian'an"));
    expect(personKey('H.E. Cham Prasidh')).toBe(personKey('Cham Prasidh'));
    expect(personKey('Profa. Dra. Inês Moreira')).toBe(personKey('Inês Moreira'));
    expect(personKey('Eng. Omar Said')).toBe(personKey('Omar Said'));
    expect(personKey('Wang Jian')).not.toBe(personKey('Wang Jian\u2019an'));
  });
  it('counts right, wrong and none per command', () => {
    const none: Result<'who-signed'> = { command: 'who-signed', query: 'q', answers: [], suggestions: [] };
    const grades = [
      gradeQuestion(question, signed(['A', 'B'], '2020-05-01')),
      gradeQuestion(question, signed(['A'], null)),
      gradeQuestion(question, none),
    ];
    expect(grades.map((g) => g.outcome)).toEqual(['right', 'wrong', 'none']);
    expect(tally(grades)['who-signed']).toEqual({ right: 1, wrong: 1, none: 1, total: 3 });
    expect(wrongShare(grades)).toBeCloseTo(1 / 3);
  });
});

describe('the eval', () => {
  it('gets every seed question right (project copy)', async () => {
    const { grades } = await runSuite({
      name: 'seeds',
      questions: join(root, 'test', 'eval', 'seed-questions.json'),
      corpus: join(root, 'corpus'),
      threshold: 1,
    });
    expect(
      grades
        .filter((g) => !g.ok)
        .map((g) => `${g.question.kind} ${g.question.query}: ${g.problems.join('; ')}`),
    ).toEqual([]);
    expect(grades).toHaveLength(21);
  });
  it('gets at least 90% of the own articles right', async () => {
    const { grades } = await runSuite({
      name: 'own',
      questions: join(root, 'test', 'articles', 'questions.json'),
      corpus: join(root, 'test', 'articles'),
      threshold: 0.9,
    });
    expect(grades.length).toBeGreaterThanOrEqual(30);
    expect(grades.filter((g) => g.ok).length / grades.length).toBeGreaterThanOrEqual(0.9);
  });
});
