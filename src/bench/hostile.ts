/**
 * Hostile queries for the benchmark: what an attacker (or a cat on the keyboard) sends to make one
 * command cost as much as possible. Each is cleaned as the bot cleans it (so at most 300 characters) and
 * asked of every command and of autocomplete; the worst time is printed beside the normal p99.
 */
import { autocomplete } from '../answers/autocomplete.ts';
import { answer, COMMANDS } from '../answers/index.ts';
import { checkQuery } from '../answers/query.ts';
import type { Index } from '../index/build.ts';
import { Random } from './random.ts';

/** Repeats `unit` until the text is `length` characters long (cut at the end). */
function fill(unit: string, length = 300): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Words joined by spaces up to `length` characters, taken in turn from `next`. */
function sentenceOf(next: (i: number) => string, length = 300): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += (text ? ' ' : '') + next(i);
  return text.slice(0, length);
}

/** A word with one typo: two letters swapped, one dropped, or one changed. */
function typo(random: Random, word: string): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + String.fromCharCode(97 + random.int(0, 25)) + word.slice(at + 1);
  }
}

/** Words of press releases in general, the vocabulary of any archive of this kind. */
const COMMON =
  'university agreement cooperation signed international research development technology centre ' +
  'institute hospital programme memorandum understanding strategic partnership education innovation ' +
  'ceremony president director professor students science medicine engineering laboratory government ' +
  'district committee conference exchange collaboration announced established launched opened';

/** The hostile queries, by name: deterministic, so runs compare. */
export function hostileQueries(): { name: string; query: string }[] {
  // The state the query set was first drawn from, as it is: the same queries as before.
  const random = Random.fromState(12);
  const common = COMMON.split(' ');
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const noiseChars =
    letters +
    letters.toUpperCase() +
    '0123456789!@#$%^&*()[]{}<>?/\\|;:\'",.~`-_=+ ' +
    '\u0301\u0308\u200b\u00e9\u00df\u0131\u03a9\u4e2d\u{1f600}\u00a0\u2019';
  const noiseList = [...noiseChars];
  return [
    { name: 'one letter repeated', query: fill('e ') },
    { name: 'capital letter repeated', query: fill('E ') },
    { name: 'decomposed accent repeated', query: fill('e\u0301 ') },
    { name: 'decomposed accent, one word', query: fill('e\u0301') },
    { name: 'one long word', query: fill('a') },
    { name: 'one common word repeated', query: fill('university ') },
    { name: 'one common capitalised word repeated', query: fill('University ') },
    { name: 'short prefixes', query: sentenceOf((i) => common[i % common.length]!.slice(0, 4)) },
    { name: 'long prefixes', query: sentenceOf((i) => common[i % common.length]!.slice(0, 7)) },
    { name: 'common words', query: sentenceOf((i) => common[i % common.length]!) },
    {
      name: 'common words with typos',
      query: sentenceOf((i) => typo(random, common[i % common.length]!)),
    },
    {
      name: 'rare fuzzy words',
      query: sentenceOf(() =>
        Array.from({ length: random.int(8, 14) }, () => random.pick([...letters])).join(''),
      ),
    },
    {
      name: 'capitalised rare words',
      query: sentenceOf(() => {
        const word = Array.from({ length: random.int(5, 10) }, () => random.pick([...letters])).join('');
        return word[0]!.toUpperCase() + word.slice(1);
      }),
    },
    { name: 'years and numbers', query: sentenceOf(() => String(random.int(1990, 2030))) },
    { name: 'noise', query: Array.from({ length: 300 }, () => random.pick(noiseList)).join('') },
  ];
}

export interface HostileFigure {
  /** The slowest query and command: the median of its timings, wall clock and this thread's CPU, in ms. */
  worstMs: number;
  worstCpuMs: number;
  worst: string;
  /** Each query's slowest command (wall clock, ms), by query name. */
  byQuery: Record<string, number>;
}

/**
 * Times every hostile query on every command and on autocomplete (median of `runs`); the worst wins.
 * CPU time is given beside wall time: on a shared machine, wall time counts the other jobs too.
 */
export function measureHostile(index: Index, runs = 3): HostileFigure {
  const byQuery: Record<string, number> = {};
  let worstMs = 0;
  let worstCpuMs = 0;
  let worst = '';
  const median = (values: number[]) =>
    Math.round(values.sort((a, b) => a - b)[Math.floor(values.length / 2)]! * 1000) / 1000;
  for (const { name, query: raw } of hostileQueries()) {
    const checked = checkQuery(raw);
    const jobs: [string, () => unknown][] = [
      ...COMMANDS.map((c): [string, () => unknown] => [
        c,
        () => checked.ok && answer(index, c, checked.query),
      ]),
      ...COMMANDS.map((c): [string, () => unknown] => [
        `autocomplete ${c}`,
        () => autocomplete(index, c, raw),
      ]),
    ];
    for (const [command, run] of jobs) {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < runs; r++) {
        const start = performance.now();
        const startCpu = process.cpuUsage();
        run();
        const used = process.cpuUsage(startCpu);
        wall.push(performance.now() - start);
        cpu.push((used.user + used.system) / 1000);
      }
      const ms = median(wall);
      byQuery[name] = Math.max(byQuery[name] ?? 0, ms);
      worstCpuMs = Math.max(worstCpuMs, median(cpu));
      if (ms > worstMs) {
        worstMs = ms;
        worst = `${command}: ${name}`;
      }
    }
  }
  return { worstMs, worstCpuMs, worst, byQuery };
}
