/**
 * npm run eval [-- --questions FILE --corpus DIR]
 *
 * Grades the answers, through the same code as the CLI, against gold questions:
 * - the seed questions (../shared/eval/seed-questions.json when present, else test/eval/seed-questions.json)
 *   over ./corpus, all of which must be right;
 * - the project's own unseen-style articles (test/articles with test/articles/questions.json), 90% or better.
 * With --questions (and --corpus), grades that one set instead, all of which must be right.
 * Prints right/total per command and each wrong question; exits 1 below a threshold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { answer } from '../src/answers/index.ts';
import { checkQuery } from '../src/answers/query.ts';
import type { Result } from '../src/answers/types.ts';
import { gradeQuestion, parseQuestions, share, tally, type Grade } from '../src/eval/grade.ts';
import { openIndex } from '../src/index/open.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Suite {
  name: string;
  questions: string;
  corpus: string;
  threshold: number;
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
  const shared = join(root, '..', 'shared', 'eval', 'seed-questions.json');
  return [
    {
      name: 'seed questions',
      questions: existsSync(shared) ? shared : join(root, 'test', 'eval', 'seed-questions.json'),
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
}

export async function runSuite(suite: Suite): Promise<{ grades: Grade[]; msPerArticle: number }> {
  const started = performance.now();
  const index = await Promise.resolve(openIndex(suite.corpus, { warn: () => {} }));
  const msPerArticle = (performance.now() - started) / Math.max(1, index.articles.length);
  const grades = parseQuestions(readFileSync(suite.questions, 'utf8')).map((question) => {
    const checked = checkQuery(question.query);
    const result: Result = checked.ok
      ? answer(index, question.kind, checked.query)
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
    console.log(`${suite.name} (${suite.questions.replace(`${root}/`, '')}): ${right}/${grades.length}`);
    for (const [command, { right: r, total }] of Object.entries(counts)) {
      if (total) console.log(`  ${command.padEnd(10)} ${r}/${total}`);
    }
    for (const g of grades.filter((x) => !x.ok)) {
      const expected =
        g.question.kind === 'search'
          ? `"${(g.question.evidence ?? '').slice(0, 70)}…"`
          : `${g.question.signers ? `${JSON.stringify(g.question.signers)} | ` : ''}${g.question.date} | ${g.question.article}`;
      console.log(`  WRONG ${g.question.kind} "${g.question.query}": ${g.problems.join('; ')}`);
      console.log(`    expected ${expected}`);
      console.log(`    got      ${g.got}`);
    }
    if (share(grades) < suite.threshold) {
      console.log(`  below the threshold of ${Math.round(suite.threshold * 100)}%`);
      failed = true;
    }
  }
  process.exitCode = failed ? 1 : 0;
}

// Run as a script, not when a test imports runSuite.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
