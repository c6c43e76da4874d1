/**
 * `ask`: a question in words, as a person types it. It decides what is asked (who signed, when, or
 * anything else), strips the words that only frame the question, and asks the fact search of that kind;
 * when that gives no answer, the other fact kind, then the passages of a search. A wrong answer is worse
 * than none: another kind answers only when the question could be asked of it.
 */
import { editDistance } from '../text/distance.ts';
import { normalizeWhitespace } from '../text/normalize.ts';
import { termsOf } from '../text/terms.ts';
import type { Index } from '../index/build.ts';
import { when, whoSigned } from './facts.ts';
import { search } from './search.ts';
import type { AskResult, CommandName } from './types.ts';

/** What a question asks: who signed, when, or anything else (passages). */
export type Intent = CommandName;

/** Greetings and polite framing, anywhere in the question. */
const POLITE = new RegExp(
  [
    String.raw`\b(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening)|dear (?:bot|accord))(?: there| all| everyone)?\b[,!.]*`,
    String.raw`\b(?:please|pls|plz|kindly|thanks?(?: you)?(?: in advance)?|thx|cheers)\b[,!.]*`,
    String.raw`\b(?:could|can|would|will) (?:you|u) (?:please |pls |kindly )?(?:tell|let|show|remind|help|find out|find|look up|check)(?: me)?(?: know)?\b`,
    String.raw`\b(?:do|does|did) (?:you|u|anyone|anybody|somebody|someone) (?:happen to )?know\b`,
    String.raw`\b(?:i|i'd|i would|i'm|i am|i was|we|we'd|we are|we were)(?: would| really| just)? (?:like|love|want|wanted|need|needed|trying|wonder|wondering|wondered|curious)(?: to)?(?: know| find out| learn| ask| understand)?(?: if| whether| about)?\b`,
    String.raw`\b(?:any idea|quick question|question|tell me|let me know|remind me|show me|help me(?: find)?|look up|find out|just|exactly|precisely|actually)\b[:,]?`,
  ].join('|'),
  'gi',
);

/** Words that ask who signed: a signing verb... */
const SIGN_WORDS = [
  'sign',
  'signs',
  'signed',
  'signing',
  'signatory',
  'signatories',
  'signer',
  'signers',
  'signature',
  'signatures',
  'cosigned',
  'co-signed',
  'countersigned',
  'inked',
  'inks',
];
/** ...or a phrase that means signing. */
const SIGN_PHRASES =
  /\b(?:put|puts|putting)(?: (?:their|his|her|the))? (?:pens? to paper|names? (?:to|on|under)|signatures? (?:to|on|under))\b/gi;
/** ...asked of people: who, or which people. */
const WHO =
  /\b(?:who|whom|whose|by whom)\b|\b(?:which|what|name(?: the)?) (?:people|persons|person|officials?|representatives?|leaders?|individuals?|signatories|signers|executives?|delegates?)\b|\bnames? of\b|\bsignator(?:y|ies)\b|\bsigners?\b/i;

/** Words that ask when. */
const WHEN =
  /\b(?:when|whens|what time|since when|how long ago)\b|\b(?:what|which|wat|wht)(?: exact| precise| calendar)? (?:date|day|year|month|time)\b|\bon what\b|\bdate (?:of|when|on which|for)\b|\bthe date\b/i;
/** The words of a when question that only frame it. */
const WHEN_FRAME =
  /\b(?:when|whens|since when|how long ago|(?:on |at |in )?(?:what|which|wat|wht)(?: exact| precise| calendar)? (?:date|day|year|month|time)|on what|the date (?:of|when|on which|for)|date (?:of|when|on which|for)|the date|took place|take place|taken place|takes place|happened|happen|happens|occurred|occur|occurs)\b/gi;

/** Question words and auxiliaries that frame any question. */
const LEAD =
  /^(?:(?:and|so|ok|okay|um|uh|well|hmm)\b[,\s]*)*(?:(?:who|whom|whose|what|which|where|how|why|when|is|are|was|were|did|do|does|has|have|had|can|could|will|would)\b\s*)+/i;

/** Short forms people type for the words of organisation names, written out as articles write them. */
const SHORT_FORMS: [RegExp, string][] = [
  [/\buni(?:v|vs)?\b\.?/gi, 'University'],
  [/\bhosp\b\.?/gi, 'Hospital'],
  [/\bgovt\b\.?|\bgov't\b/gi, 'Government'],
  [/\bdept\b\.?/gi, 'Department'],
  [/\bintl\b\.?/gi, 'International'],
  [/\binst\b\.?/gi, 'Institute'],
  [/\bw\/(?=\s)/gi, 'with'],
];

function writeOut(text: string): string {
  return SHORT_FORMS.reduce((out, [pattern, long]) => out.replace(pattern, long), text);
}

/** The question mark and other closing marks. */
const CLOSING = /[?!.¿¡]+/g;

/** What a question asks, read from its wording. */
export function intentOf(question: string): Intent {
  const text = fixWhen(dropPolite(question));
  const signing = hasSignWord(text) || SIGN_PHRASES.test(text);
  SIGN_PHRASES.lastIndex = 0;
  if (signing && WHO.test(text) && !startsWithWhen(text)) return 'who-signed';
  if (WHEN.test(text) || startsWithWhen(text)) return 'when';
  return 'search';
}

function startsWithWhen(text: string): boolean {
  return /^when\b/i.test(text.trim());
}

/** Other question words a typo of "when" could be. */
const NOT_WHEN = new Set(['what', 'who', 'whom', 'why', 'whose', 'were', 'then', 'wen']);

/** "wehn", "whn", "hwen" as the first word: "when" mistyped (a letter off, or two swapped). */
function fixWhen(text: string): string {
  return text.replace(/^\s*([a-z]{3,5})\b/i, (word: string, first: string) => {
    const w = first.toLowerCase();
    if (w === 'when' || NOT_WHEN.has(w) || !/^[wh]/.test(w)) return word;
    return editDistance(w, 'when', 1) <= 1 || isSwap(w, 'when') ? 'when' : word;
  });
}

function hasSignWord(text: string): boolean {
  return text.split(/\s+/).some(isSignWord);
}

function dropPolite(question: string): string {
  return normalizeWhitespace(question.replace(POLITE, ' '));
}

/** The words of the question that say what it is about: for the fact search of `intent`. */
export function topicOf(question: string, intent: Intent): string {
  let text = fixWhen(writeOut(dropPolite(question))).replace(CLOSING, ' ');
  if (intent === 'who-signed') {
    text = text
      .replace(SIGN_PHRASES, ' ')
      .replace(/\b(?:by whom|who|whom|whose)\b/gi, ' ')
      .replace(
        /\b(?:which|what|name(?: the)?) (?:people|persons|person|officials?|representatives?|leaders?|individuals?|signatories|signers|executives?|delegates?)\b/gi,
        ' ',
      )
      .split(/\s+/)
      .filter((word) => !isSignWord(word))
      .join(' ');
  } else if (intent === 'when') {
    text = text.replace(WHEN_FRAME, ' ');
  }
  text = normalizeWhitespace(text).replace(LEAD, '');
  return normalizeWhitespace(text);
}

/** A word for signing, or a typo of one (a letter off, or two letters swapped: "sigend", "singed"). */
function isSignWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[^a-z-]/g, '');
  if (SIGN_WORDS.includes(w)) return true;
  if (!w.startsWith('s') || w.length < 5 || w.length > 8) return false;
  return TYPED_SIGN_WORDS.some((sign) => editDistance(w, sign, 1) <= 1 || isSwap(w, sign));
}

const TYPED_SIGN_WORDS = ['signed', 'signing'];

/** Whether `a` is `b` with two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, k) => (c === b[k] ? [] : [k]));
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  );
}

/** Answers a question in words; `as` names the kind that answered. */
export function ask(index: Index, question: string, options: { limit?: number } = {}): AskResult {
  const intent = intentOf(question);
  const facts =
    intent === 'search'
      ? []
      : intent === 'who-signed'
        ? (['who-signed', 'when'] as const)
        : (['when', 'who-signed'] as const);
  for (const kind of facts) {
    const topic = topicOf(question, kind);
    if (termsOf(topic).length === 0) continue;
    if (kind === 'who-signed') {
      const result = whoSigned(index, topic);
      // Asked when, a signing answers with its date; asked who, it must name someone.
      const useful = result.answers.filter((a) => (intent === 'when' ? a.date !== null : true));
      if (useful.length)
        return { command: 'ask', query: question, as: 'who-signed', answers: useful, suggestions: [] };
    } else {
      // An event answers only a question about when: it does not say who signed.
      if (intent !== 'when') continue;
      const result = when(index, topic);
      if (result.answers.length)
        return { command: 'ask', query: question, as: 'when', answers: result.answers, suggestions: [] };
    }
  }
  // A question in words is mostly about one article: its best passages may all be of that one.
  const topic = topicOf(question, 'search');
  const limit = options.limit ?? 5;
  const result = search(index, termsOf(topic).length ? topic : question, { perArticle: 3, limit: limit * 2 });
  const seen = new Set<string>();
  const answers = result.answers
    .filter((a) => {
      // A title names the subject; it does not answer a question about it.
      if (a.quote === a.article.title) return false;
      const key = `${a.article.id}\u0000${a.context}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
  return { command: 'ask', query: question, as: 'search', answers, suggestions: result.suggestions };
}
