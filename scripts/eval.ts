/**
 * npm run eval [-- --questions FILE --corpus DIR]
 *
 * Grades the answers, through the same code as the CLI, against gold questions:
 * - the seed questions (../shared/eval/seed-questions.json when present, else test/eval/seed-questions.json)
 *   over ./corpus, all of which must be right;
 * - the project's own unseen-style articles (test/articles with test/articles/questions.json), 90% or better;
 * - the real articles (../shared/eval/real: questions.json over a temporary folder holding the seeds and
 *   real/articles, read from ../shared at run time, nothing copied into the project), at or above a
 *   ratchet of right answers and at or below a ratchet of wrong ones.
 * - the same sets asked in words (ask-questions.json beside each, kind `ask` graded as its `as`): the
 *   seeds' all right, the own articles' 90% or better, the real articles' at or above their own ratchets.
 * Without ../shared (a user's clone) the shared sets are skipped with a line that says so.
 * With --questions (and --corpus), grades that one set instead, all of which must be right.
 * Prints right / wrong / none per command and each miss; exits 1 below a threshold.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { answer } from '../src/answers/index.ts';
import { checkQuery } from '../src/answers/query.ts';
import type { Result } from '../src/answers/types.ts';
import {
  gradedKind,
  gradeQuestion,
  parseQuestions,
  share,
  tally,
  wrongShare,
  type Grade,
} from '../src/eval/grade.ts';
import { openIndex } from '../src/index/open.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Suite {
  name: string;
  questions: string;
  /** The corpus folder, or the folders whose files are put together in a temporary one. */
  corpus: string | string[];
  /** The least share of questions right. */
  threshold: number;
  /** The largest share of questions answered wrong (default: no limit beyond threshold). */
  maxWrong?: number;
}

/**
 * The real-article set's ratchets: what the extraction reaches today, never above it. Raise them as it
 * gets better; the issue's goal is 90% right and at most 5% wrong.
 */
export const REAL_MIN_RIGHT = 0.94;
export const REAL_MAX_WRONG = 0.03;
/** The same for the real set asked in words (`ask`). */
export const REAL_ASK_MIN_RIGHT = 0.85;
export const REAL_ASK_MAX_WRONG = 0.11;

/** The shared folder (seeds, gold sets): $ACCORD_SHARED, else ../shared of the repository or of its parent. */
export function sharedDir(): string | null {
  const candidates = [
    process.env.ACCORD_SHARED,
    join(root, '..', 'shared'),
    join(root, '..', '..', 'shared'),
  ];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'eval'))) return dir;
  return null;
}

function suites(argv: string[]): Suite[] {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const questions = get('--questions');
  if (questions) {
    return [
      {
        name: questions,
        questions: resolve(questions),
        corpus: resolve(get('--corpus') ?? join(root, 'corpus')),
        threshold: 1,
      },
    ];
  }
  const shared = sharedDir();
  const sharedSeeds = shared ? join(shared, 'eval', 'seed-questions.json') : null;
  const list: Suite[] = [
    {
      name: 'seed questions',
      questions:
        sharedSeeds && existsSync(sharedSeeds)
          ? sharedSeeds
          : join(root, 'test', 'eval', 'seed-questions.json'),
      corpus: join(root, 'corpus'),
      threshold: 1,
    },
    {
      name: 'own unseen-style articles',
      questions: join(root, 'test', 'articles', 'questions.json'),
      corpus: join(root, 'test', 'articles'),
      threshold: 0.9,
    },
  ];
  list.push({
    name: 'own articles in words',
    questions: join(root, 'test', 'articles', 'ask-questions.json'),
    corpus: join(root, 'test', 'articles'),
    threshold: 0.9,
  });
  const sharedAsk = shared ? join(shared, 'eval', 'ask-questions.json') : null;
  if (sharedAsk && existsSync(sharedAsk)) {
    list.push({
      name: 'seed questions in words',
      questions: sharedAsk,
      corpus: join(root, 'corpus'),
      threshold: 1,
    });
  }
  const real = shared ? join(shared, 'eval', 'real') : null;
  if (shared && real && existsSync(join(real, 'questions.json'))) {
    list.push({
      name: 'real articles',
      questions: join(real, 'questions.json'),
      corpus: [join(shared, 'seeds'), join(real, 'articles')],
      threshold: REAL_MIN_RIGHT,
      maxWrong: REAL_MAX_WRONG,
    });
    if (existsSync(join(real, 'ask-questions.json'))) {
      list.push({
        name: 'real articles in words',
        questions: join(real, 'ask-questions.json'),
        corpus: [join(shared, 'seeds'), join(real, 'articles')],
        threshold: REAL_ASK_MIN_RIGHT,
        maxWrong: REAL_ASK_MAX_WRONG,
      });
    }
  } else {
    console.log('real articles: skipped (no ../shared/eval/real here)');
  }
  return list;
}

/** A temporary folder holding the files of the given folders; removed by the caller. */
function gather(folders: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-eval-'));
  for (const folder of folders) {
    for (const file of readdirSync(folder)) cpSync(join(folder, file), join(dir, file));
  }
  return dir;
}

export async function runSuite(suite: Suite): Promise<{ grades: Grade[]; msPerArticle: number }> {
  const started = performance.now();
  const temporary = Array.isArray(suite.corpus) ? gather(suite.corpus) : null;
  const folder = temporary ?? (suite.corpus as string);
  let index;
  try {
    index = await Promise.resolve(openIndex(folder, { warn: () => {} }));
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
  const msPerArticle = (performance.now() - started) / Math.max(1, index.articles.length);
  const grades = parseQuestions(readFileSync(suite.questions, 'utf8')).map((question) => {
    const checked = checkQuery(question.query);
    const result: Result = checked.ok
      ? answer(index, question.kind, checked.query)
      : question.kind === 'ask'
        ? { command: 'ask', as: 'search', query: question.query, answers: [], suggestions: [] }
        : { command: question.kind, query: question.query, answers: [], suggestions: [] };
    return gradeQuestion(question, result);
  });
  return { grades, msPerArticle };
}

async function main(): Promise<void> {
  let failed = false;
  for (const suite of suites(process.argv.slice(2))) {
    const { grades } = await runSuite(suite);
    const counts = tally(grades);
    const right = grades.filter((g) => g.ok).length;
    const wrong = grades.filter((g) => g.outcome === 'wrong').length;
    console.log(
      `${suite.name} (${suite.questions.replace(`${root}/`, '')}): ${right}/${grades.length} right, ${wrong} wrong, ${grades.length - right - wrong} none`,
    );
    for (const [command, t] of Object.entries(counts)) {
      if (t.total)
        console.log(`  ${command.padEnd(10)} ${t.right}/${t.total} right, ${t.wrong} wrong, ${t.none} none`);
    }
    for (const g of grades.filter((x) => !x.ok)) {
      const expected =
        gradedKind(g.question) === 'search'
          ? `"${(g.question.evidence ?? '').slice(0, 70)}…"`
          : `${g.question.signers ? `${JSON.stringify(g.question.signers)} | ` : ''}${g.question.date} | ${g.question.article}`;
      console.log(
        `  ${g.outcome.toUpperCase()} ${g.question.kind} "${g.question.query}": ${g.problems.join('; ')}`,
      );
      console.log(`    expected ${expected}`);
      console.log(`    got      ${g.got}`);
    }
    if (share(grades) < suite.threshold) {
      console.log(`  below the threshold of ${Math.round(suite.threshold * 100)}% right`);
      failed = true;
    }
    if (suite.maxWrong !== undefined && wrongShare(grades) > suite.maxWrong) {
      console.log(`  above the limit of ${Math.round(suite.maxWrong * 100)}% wrong`);
      failed = true;
    }
  }
  process.exitCode = failed ? 1 : 0;
}

// Run as a script, not when a test imports runSuite.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
