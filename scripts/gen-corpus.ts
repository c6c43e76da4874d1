/**
 * Writes a generated corpus: N press-release articles and their gold questions.
 *
 *   npm run gen-corpus -- --articles 10000 --seed 7 --out /tmp/gen [--questions-per-article 2]
 *
 * Files are named gen_000123.txt (some .md); DIR/questions.json holds the gold questions. Earlier generated
 * files in DIR (gen_*.txt, gen_*.md, questions.json) are removed first, and nothing else is touched.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, questionsJson } from './generate/corpus.ts';

const USAGE =
  'usage: npm run gen-corpus -- --articles N --out DIR [--seed S] [--questions-per-article K]\n' +
  '  --articles N                 how many articles to write\n' +
  '  --out DIR                    where (earlier gen_* files and questions.json there are replaced)\n' +
  '  --seed S                     the generator seed (default 1): the same seed writes the same corpus\n' +
  '  --questions-per-article K    gold questions per article (default 2), in DIR/questions.json\n' +
  '  --help                       this text';

interface Args {
  articles: number;
  seed: number;
  out: string;
  questionsPerArticle: number;
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument "${arg}"`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    values.set(match[1] ?? '', value);
  }
  const int = (name: string, fallback?: number): number => {
    const raw = values.get(name);
    if (raw === undefined) {
      if (fallback === undefined) throw new Error(`--${name} is required`);
      return fallback;
    }
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${name} must be a non-negative integer, not "${raw}"`);
    return n;
  };
  const out = values.get('out');
  if (!out) throw new Error('--out is required');
  for (const key of values.keys()) {
    if (!['articles', 'seed', 'out', 'questions-per-article'].includes(key))
      throw new Error(`unknown option --${key}`);
  }
  return {
    articles: int('articles'),
    seed: int('seed', 1),
    out,
    questionsPerArticle: int('questions-per-article', 2),
  };
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.some((arg) => arg === '--help' || arg === '-h')) {
    console.log(USAGE);
    return;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`gen-corpus: ${(error as Error).message}`);
    console.error(USAGE);
    process.exit(2);
  }
  const started = performance.now();
  const corpus = generateCorpus({
    articles: args.articles,
    seed: args.seed,
    questionsPerArticle: args.questionsPerArticle,
  });
  const generated = performance.now();

  mkdirSync(args.out, { recursive: true });
  for (const name of readdirSync(args.out)) {
    if (/^gen_\d+\.(?:txt|md)$/.test(name) || name === 'questions.json') rmSync(join(args.out, name));
  }
  for (const file of corpus.files) writeFileSync(join(args.out, file.file), file.text);
  writeFileSync(join(args.out, 'questions.json'), questionsJson(corpus.questions));
  const written = performance.now();

  const kinds = new Map<string, number>();
  for (const q of corpus.questions) {
    const kind = q.kind === 'who-signed' && q.signers?.length === 0 ? 'who-signed (negative)' : q.kind;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const summary = [...kinds].map(([kind, n]) => `${kind}: ${n}`).join(', ');
  console.log(
    `Wrote ${corpus.files.length} articles and ${corpus.questions.length} questions (${summary}) to ${args.out} ` +
      `in ${((written - started) / 1000).toFixed(1)} s (generation ${((generated - started) / 1000).toFixed(1)} s).`,
  );
}

main();
