/**
 * Grading answers against gold questions: pure functions, so the grading itself is tested.
 *
 * - who-signed: the top answer's signers as an exact set (order-free), its date and its article, and its
 *   quote holds the evidence sentence. Gold signers [] pass only when no answer names a signer.
 * - when: the top answer's date and article.
 * - search: the evidence sentence is among the top three quotes.
 * Text is compared with whitespace normalised (U+00A0 is a space).
 */
import { answersOf, type CommandName, type QueryCommandName, type Result } from '../answers/types.ts';

export interface Question {
  kind: QueryCommandName;
  /** For `ask`: the kind it is graded as. */
  as?: CommandName;
  query: string;
  signers?: string[];
  date?: string | null;
  /** The article's file name (or id); null when no answer is expected. */
  article: string | null;
  evidence?: string;
  /** Other defensible dates: an answer with one of them is right too. */
  date_alt?: (string | null)[];
  note?: string;
}

/** right: the answer is the gold; wrong: an answer was given and is not; none: no answer was given. */
export type Outcome = 'right' | 'wrong' | 'none';

export interface Grade {
  question: Question;
  ok: boolean;
  outcome: Outcome;
  /** What was wrong, one item per check that failed. */
  problems: string[];
  /** A short account of what the answer said. */
  got: string;
}

/** Whitespace normalised, no-break and other exotic spaces included. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The article id of a gold file name: "000_3f2f.txt" -> "000_3f2f". */
export function articleId(file: string): string {
  return file.replace(/\.(?:txt|md)$/i, '');
}

/**
 * Whether an answer's date is the gold date. A gold null means the text gives no full date: the answer
 * may say null or a month and day without a year (--MM-DD), never a year.
 */
export function sameDate(expected: string | null | undefined, got: string | null): boolean {
  if (expected === undefined) return true;
  if (expected === null) return got === null || /^--\d{2}-\d{2}$/.test(got);
  return expected === got;
}

/** Whether the answer's date is the gold date or one of its defensible alternatives. */
function dateRight(question: Question, got: string | null): boolean {
  return sameDate(question.date, got) || (question.date_alt ?? []).some((alt) => sameDate(alt, got));
}

const TITLE =
  /^(?:(?:Prof(?:essor)?|Profa|Dra?|Mtr[ao]|Eng|Ing|Ir|Lic|Mr|Mrs|Ms|Miss|Madame|Mme|Sir|Dame|Engr|Sheikh|H\.?\s?E|Hon|Datuk|Dato'?|Datin|Tan Sri|Sri|President|Chancellor|Vice[- ]Chancellor)\.?\s+)+/i;

/** A person's name as the grading compares it: titles aside, spacing, apostrophes and case aside. */
export function personKey(name: string): string {
  return normalizeText(name)
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(TITLE, '')
    .toLowerCase();
}

export function sameSet(expected: string[], got: string[]): boolean {
  const a = new Set(expected.map(personKey));
  const b = new Set(got.map(personKey));
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * An `ask` question is graded as the kind its gold names in `as`: a fact question answered with passages
 * (as search) got no fact, which is no answer; a who-signed question answered with an event is wrong; a when
 * question may be answered by a dated signing (it has a date and an article); passages are graded by their
 * quotes whatever the kind that answered.
 */
function gradeAsk(question: Question, result: Result): Grade {
  const as = question.as ?? 'search';
  const kinded = answersOf(result);
  const graded: Question = { ...question, kind: as };
  if (as !== 'search' && kinded.kind === 'search' && kinded.answers.length > 0) {
    return { question, ok: false, outcome: 'none', problems: ['passages, no fact'], got: 'passages' };
  }
  if (as === 'who-signed' && kinded.kind === 'when' && kinded.answers.length > 0) {
    const top = kinded.answers[0]!;
    const got = `as when: ${top.date} | ${top.event} | ${top.article.id}`;
    return { question, ok: false, outcome: 'wrong', problems: ['answered as when'], got };
  }
  const asKind = { ...result, command: as, answers: kinded.answers } as Result;
  return { ...gradeQuestion(graded, asKind), question };
}

export function gradeQuestion(question: Question, result: Result): Grade {
  if (question.kind === 'ask') return gradeAsk(question, result);
  const problems: string[] = [];
  let got = 'no answer';
  if (question.kind === 'who-signed') {
    const top = (result as Result<'who-signed'>).answers[0];
    const expected = question.signers ?? [];
    if (top)
      got = `${top.signers.map((s) => s.name).join(', ') || '(no signers)'} | ${top.date} | ${top.article.id}`;
    if (expected.length === 0) {
      if (top && top.signers.length > 0) problems.push('expected no signers');
    } else if (!top) {
      problems.push('no answer');
    } else {
      const names = top.signers.map((s) => s.name);
      if (!sameSet(expected, names)) problems.push(`signers ${JSON.stringify(names)}`);
      if (!dateRight(question, top.date)) problems.push(`date ${top.date}`);
      if (question.article && top.article.id !== articleId(question.article))
        problems.push(`article ${top.article.id}`);
      if (question.evidence && !normalizeText(top.quote).includes(normalizeText(question.evidence))) {
        problems.push('quote lacks the evidence');
      }
    }
  } else if (question.kind === 'when') {
    const top = (result as Result<'when'>).answers[0];
    if (top) got = `${top.date} | ${top.event} | ${top.article.id}`;
    if (question.article === null) {
      if (top) problems.push('expected no answer');
    } else if (!top) {
      problems.push('no answer');
    } else {
      if (!dateRight(question, top.date)) problems.push(`date ${top.date}`);
      if (top.article.id !== articleId(question.article)) problems.push(`article ${top.article.id}`);
    }
  } else {
    const answers = (result as Result<'search'>).answers.slice(0, 3);
    got = answers.map((a) => `${a.article.id}: ${a.quote.slice(0, 60)}…`).join(' / ') || 'no answer';
    const evidence = normalizeText(question.evidence ?? '');
    if (
      !answers.some(
        (a) =>
          normalizeText(a.quote).includes(evidence) ||
          (evidence.includes(normalizeText(a.quote)) && normalizeText(a.quote).length > 20),
      )
    ) {
      problems.push('evidence not in the top 3');
    }
  }
  const ok = problems.length === 0;
  const outcome: Outcome = ok ? 'right' : got === 'no answer' ? 'none' : 'wrong';
  return { question, ok, outcome, problems, got };
}

export interface Tally {
  right: number;
  wrong: number;
  none: number;
  total: number;
}

/** The kind a question is graded as: its own, or for a question in words the kind in `as`. */
export function gradedKind(question: Question): 'who-signed' | 'when' | 'search' {
  return question.kind === 'ask' ? (question.as ?? 'search') : question.kind;
}

/** Right and total per command, in the order who-signed, when, search. */
export function tally(grades: Grade[]): Record<CommandName, Tally> {
  const counts: Record<CommandName, Tally> = {
    'who-signed': { right: 0, wrong: 0, none: 0, total: 0 },
    when: { right: 0, wrong: 0, none: 0, total: 0 },
    search: { right: 0, wrong: 0, none: 0, total: 0 },
  };
  for (const g of grades) {
    const kind = gradedKind(g.question);
    counts[kind].total++;
    counts[kind][g.outcome]++;
  }
  return counts;
}

/** The share of questions right, 1 for none. */
export function share(grades: Grade[]): number {
  return grades.length === 0 ? 1 : grades.filter((g) => g.ok).length / grades.length;
}

/** The share of questions answered wrong (an answer given, not right), 0 for none. */
export function wrongShare(grades: Grade[]): number {
  return grades.length === 0 ? 0 : grades.filter((g) => g.outcome === 'wrong').length / grades.length;
}

/** Reads a questions file's JSON; throws with a clear message on a bad shape. */
export function parseQuestions(json: string): Question[] {
  const data: unknown = JSON.parse(json);
  if (!Array.isArray(data)) throw new Error('a questions file is a JSON array');
  return data.map((q, i) => {
    const item = q as Partial<Question>;
    if (
      !item ||
      typeof item.query !== 'string' ||
      !['who-signed', 'when', 'search', 'ask'].includes(item.kind as string)
    ) {
      throw new Error(`question ${i + 1} needs a kind (who-signed, when, search, ask) and a query`);
    }
    if (item.kind === 'ask' && !['who-signed', 'when', 'search'].includes(item.as as string)) {
      throw new Error(`question ${i + 1} is an ask question: it needs "as" (who-signed, when, search)`);
    }
    return { ...item, article: item.article ?? null } as Question;
  });
}
