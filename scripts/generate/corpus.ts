/**
 * The corpus generator: from a seed, a world of organisations and people, N press-release articles about
 * them, and gold questions derived from the facts each article was written from. Pure: the same options
 * give byte-identical output; nothing here touches the file system.
 */
import { ArticleFactory } from './articles.ts';
import { isoDay } from './dates.ts';
import { buildQuestions, type GoldQuestion } from './questions.ts';
import { Random } from '../../src/bench/random.ts';
import { buildWorld } from './world.ts';

export type { GoldQuestion } from './questions.ts';

export interface GenerateOptions {
  articles: number;
  seed: number;
  /** At most this many gold questions per article (default 2). */
  questionsPerArticle?: number;
}

export interface GeneratedFile {
  /** File name: gen_000123.txt or gen_000123.md. */
  file: string;
  text: string;
  /** The title a parser should find. */
  title: string;
  /** The publication date the date line states (YYYY-MM-DD), or null when the article has none. */
  published: string | null;
}

export interface GeneratedCorpus {
  files: GeneratedFile[];
  questions: GoldQuestion[];
}

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const count = Math.max(0, Math.floor(options.articles));
  const root = new Random(options.seed);
  const world = buildWorld(root.fork(1), count);
  const factory = new ArticleFactory(world, root.fork(2));
  const files: GeneratedFile[] = [];
  const facts = [];
  for (let i = 0; i < count; i++) {
    const article = factory.article(i);
    files.push({
      file: article.file,
      text: article.text,
      title: article.facts.title,
      published: article.facts.published ? isoDay(article.facts.published) : null,
    });
    facts.push(article.facts);
  }
  const questions = buildQuestions(root.fork(3), world, facts, options.questionsPerArticle ?? 2).map(tidy);
  return { files, questions };
}

/** Drops an empty note and fixes the key order of the JSON output. */
function tidy(q: GoldQuestion): GoldQuestion {
  const note = q.note?.trim();
  return {
    kind: q.kind,
    query: q.query,
    ...(q.signers !== undefined ? { signers: q.signers } : {}),
    ...(q.date !== undefined ? { date: q.date } : {}),
    article: q.article,
    evidence: q.evidence,
    ...(note ? { note } : {}),
  };
}

/** The questions file, formatted like the project's evaluation files. */
export function questionsJson(questions: GoldQuestion[]): string {
  return `${JSON.stringify(questions, null, 1)}\n`;
}
