/**
 * Stock phrases of press releases, as small template functions: purposes of ceremonies, speech contents,
 * plans, figures, quotes. They read like the genre (including its translated English) and are varied enough
 * that no two articles read the same.
 */
import { FIELDS, PLACES_VISITED, VALUES } from './lists.ts';
import type { Random } from '../../src/bench/random.ts';

export const PURPOSES = [
  'to further strengthen the cooperation between the two sides, fully promote the exchange and sharing of advantageous resources, and better serve the transformation and upgrading of regional development',
  'to deepen the integration of medicine and engineering and jointly cultivate high-level talents',
  'marking a new stage in the cooperation between the two sides',
  'in order to promote the deep integration of industry, education and research',
  'to jointly build a platform for clinical research and the transformation of scientific achievements',
  'aiming to give full play to the complementary advantages of both parties',
  'to explore a new model of cooperation between the university and the hospital',
  'so as to serve the construction of a healthy city and the needs of local residents',
];

export const PURPOSE_VERBS = [
  'expand research collaboration and student mobility',
  'strengthen joint research and doctoral training',
  'create new opportunities for staff and student exchange',
  'develop joint programmes and shared research infrastructure',
  'accelerate the translation of research into clinical practice',
  'build on more than a decade of collaboration between the two institutions',
  'support early-career researchers and joint grant applications',
];

export function pronoun(female: boolean): { he: string; his: string; him: string } {
  return female ? { he: 'she', his: 'her', him: 'her' } : { he: 'he', his: 'his', him: 'him' };
}

/** One sentence of a speech report, in the translated register of Chinese sites. */
export function speechSentence(
  rng: Random,
  who: string,
  female: boolean,
  a: string,
  b: string,
  field: string,
): string {
  const { he, his } = pronoun(female);
  const [v1, v2] = rng.sample(VALUES, 2);
  const forms = [
    () =>
      `${who} pointed out that ${a} and ${b} are highly compatible in planning and development, and complement each other in ${v1} and ${v2}.`,
    () =>
      `${who} hoped that the two sides would take the cooperation as an opportunity to deepen exchanges in ${field} and ${v1}.`,
    () => `${who} expressed gratitude to ${b} for its long-term support for the development of ${a}.`,
    () => `${who} introduced the history of ${a}, its discipline layout and its achievements in ${field}.`,
    () =>
      `${who} said in ${his} speech that the cooperation is of great significance and far-reaching influence for both sides.`,
    () =>
      `${who} said that building a first-class institution with outstanding characteristics is inseparable from multi-party cooperation and multi-disciplinary integration.`,
    () =>
      `${who} expressed the hope that both sides would give full play to their respective advantages and achieve ${v1}.`,
    () =>
      `In ${his} speech, ${who} reviewed the history of cooperation between ${a} and ${b} and spoke highly of the results achieved in ${field}.`,
    () =>
      `${who} welcomed the guests and said that ${he} looked forward to more substantive results in ${v1}.`,
  ];
  return rng.pick(forms)();
}

/** A follow-up sentence of a speech, starting with a pronoun. */
export function speechFollow(
  rng: Random,
  female: boolean,
  field: string,
  signing: boolean,
  variant: number,
): string {
  const { he } = pronoun(female);
  const [v1, v2] = rng.sample(VALUES, 2);
  const forms = [
    `${capital(he)} stressed that the two sides should focus on ${v1} and ${v2}.`,
    `${capital(he)} said that the cooperation would promote the development of ${field}.`,
    signing
      ? `${capital(he)} hoped that both parties would strengthen communication and implement the agreement as soon as possible.`
      : `${capital(he)} hoped that the two sides would turn their consensus into concrete results as soon as possible.`,
    `${capital(he)} noted that ${field} is a key direction of future development.`,
    `${capital(he)} expected the two sides to make new achievements in ${v1}.`,
  ];
  return forms[variant % forms.length] as string;
}

/** A sentence of a Western-style quote. */
export function quoteSentence(rng: Random, field: string, partner: string): string {
  return rng.pick([
    `This agreement builds on years of successful collaboration in ${field}`,
    `Our researchers have worked with colleagues at ${partner} for many years, and this partnership formalises that relationship`,
    `We share a commitment to research that makes a real difference to patients`,
    `This is an exciting step for both institutions`,
    `The partnership will open new opportunities for our students and staff`,
    `Together we can tackle some of the most pressing challenges in ${field}`,
    `International collaboration is at the heart of our research strategy`,
  ]);
}

/** A plan for the future: nothing in it has happened. */
export function planSentence(rng: Random, field: string, facility: string | null): string {
  const [f1, f2, f3] = rng.sample(FIELDS, 3);
  return rng.pick([
    `Both sides plan to jointly carry out research projects in ${f1}, ${f2} and ${f3}.`,
    `The two sides will explore the establishment of a joint laboratory for ${field}.`,
    `In the next step, the two parties will set up a working group to implement the agreement.`,
    `Under the agreement, the two institutions will develop joint courses, exchange visiting scholars and co-supervise doctoral students in ${field}.`,
    facility
      ? `The ${facility} is expected to be put into use within two years.`
      : `The two sides will also consider launching a joint programme in ${f1}.`,
    `Both parties agreed to hold a joint academic forum on ${f2} every year.`,
  ]);
}

export function visitSentence(rng: Random, leader: string, female: boolean, host: string | null): string {
  const places = rng.sample(PLACES_VISITED, rng.int(2, 3));
  const list =
    places.length === 3 ? `${places[0]}, ${places[1]} and ${places[2]}` : `${places[0]} and ${places[1]}`;
  const { his } = pronoun(female);
  return rng.pick([
    `${leader} and ${his} entourage${host ? `, accompanied by ${host},` : ''} visited ${list}.`,
    `After the ceremony, the delegation visited ${list}.`,
    `Before the meeting, ${leader} and the delegation toured ${list}${host ? `, accompanied by ${host}` : ''}.`,
  ]);
}

/** A figure about the cooperation or the institution: distinctive, and a distractor ("159 projects have been launched"). */
export function figureSentence(rng: Random, a: string, since: number, field: string, kind: string): string {
  const n = rng.int(12, 480);
  const m = rng.int(2, 60);
  return rng.pick([
    `Over ${n} cooperative projects have been launched since ${since}, of which ${m} have been transformed into products.`,
    `So far, ${n} graduate students from ${a} have entered ${m} joint projects in ${field}.`,
    kind === 'hospital'
      ? `${capital(a)} has ${rng.int(600, 3800)} beds and received ${(rng.int(12, 68) / 10).toFixed(1)} million outpatient visits last year.`
      : kind === 'university'
        ? `${capital(a)} currently has ${rng.int(900, 4200)} full-time teachers and more than ${rng.int(12, 45)},000 students.`
        : `${capital(a)} employs ${rng.int(120, 3000)} staff, ${rng.int(20, 70)} percent of whom work in research and development.`,
    `Since ${since}, the two sides have co-published ${n} papers and jointly applied for ${m} patents in ${field}.`,
    `Also, ${n} medical-engineering interdisciplinary postgraduates have been trained under the cooperation program.`,
    `The joint team has undertaken ${m} national research projects with total funding of RMB ${rng.int(3, 90)} million.`,
  ]);
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
