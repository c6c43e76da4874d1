/**
 * People in a stretch of text: a name, and the titles around it.
 *
 * Chinese names are a surname from the list below and a given name that reads as pinyin ("Ding
 * Xiaodong", "Wang Lihua"); Western names are a run of capitalised words introduced by an honorific or
 * a title ("Professor Jenny Watling", "Dr. Hans Müller", "Vice-Chancellor Professor Duncan Maskell")
 * or starting with a known given name. Words that name organisations, roles, places or months never
 * belong to a name.
 */

export interface NameMatch {
  /** The name without honorifics: "Jenny Watling". */
  name: string;
  /** Offsets of the name in the text searched. */
  start: number;
  end: number;
}

const CHINESE_SURNAMES = new Set(
  (
    'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song ' +
    'Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren ' +
    'Shen Yao Jin Fu Zhong Lu Dai Cui Tan Jia Xia Fan Fang Shi Qiu Qin Gu Hou Shao Meng Long Wan Duan Lei ' +
    'Qian Tang Yin Yi Chang Wen Niu Mo Kong Xiang Bai Hao Qi Kang Mao Yan Gong Zou Jiao Ni Xue Lai Zhuang ' +
    'Geng Ou Yue Hong Wu Tao Bao Ji Chu Shu Zuo Sheng Quan Ning Ling Lan Zhan Mu Ke Ruan Hua Bi Lian Ge Zong ' +
    'Ouyang Situ Zhuge Rao Zhai An Shan Miao Chai Lou Guan Bian Zhuo Tong Hang Ai Ran Wei'
  ).split(' '),
);

/** Given names common in the genre's Western names; a name not listed needs a title before it. */
const GIVEN_NAMES = new Set(
  (
    'Adam Alan Alex Alexander Alice Amanda Amy Andrew Angela Anna Anne Anthony Barbara Ben Benjamin Brian ' +
    'Carlos Caroline Catherine Charles Charlotte Chris Christian Christine Christopher Claire Daniel David ' +
    'Deborah Duncan Edward Elena Elizabeth Emily Emma Eric Fiona Frank Gary George Graham Hans Helen Henry ' +
    'Ian Jack James Jane Jennifer Jenny Jessica John Jonathan Joseph Julia Karen Katherine Kevin Klaus Laura ' +
    'Linda Lisa Maria Mark Martin Mary Matthew Michael Michelle Nicholas Olivia Paul Peter Philip Rachel ' +
    'Richard Robert Sarah Simon Sophie Stefan Stephen Steven Susan Thomas Timothy Tom Victoria William Wolfgang ' +
    'Aaron Adrian Aidan Alastair Alistair Alison Amelia Andreas Andrea Angus Ann Antoine Ashley Barry Beatrice ' +
    'Bernard Birgit Brendan Bruce Callum Carl Carol Cecilia Christina Colin Craig Dan Darren Denise Derek ' +
    'Diana Dominic Donald Douglas Eleanor Elisabeth Ellen Eva Evelyn Felix Florian Francesca Francis Gabriel ' +
    'Gareth Gavin Geoffrey Gerald Gordon Grace Gregory Hamish Hannah Harry Heather Heinz Helena Hugh Ingrid ' +
    'Isabel Isabella Jacob Jan Janet Jason Jean Jeffrey Jeremy Jill Joanna Joanne Johann Jonas Judith ' +
    'Julian Juliet Jurgen Jürgen Justin Kate Katharina Kathryn Keith Kenneth Kirsten Lars Laurence Leonard ' +
    'Liam Lucas Lucy Luca Luis Lukas Malcolm Marc Marcus Margaret Marie Marion Markus Marta Martha Matthias ' +
    'Max Megan Melissa Michel Miriam Monica Natalie Neil Nicola Nicole Nigel Oliver Owen Patricia Patrick ' +
    'Pauline Pierre Ralph Raymond Rebecca Robin Roger Rose Ruth Ryan Samuel Sandra Scott Sean Sebastian ' +
    'Shirley Sofia Stuart Tanja Teresa Thorsten Tobias Trevor Ursula Vanessa Vincent Walter Wendy Yvonne'
  ).split(' '),
);

/** Honorifics: dropped from the name, not a role. */
export const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Madam|Mme|Herr|Frau|Associate|Assistant|Emeritus|Academician|Comrade)\.?$/;

/** Words that start or make up a role ("Vice President", "Pro Vice Chancellor International"). */
export const ROLE_WORDS = new Set(
  (
    'President Vice Deputy Dean Director Chancellor Vice-Chancellor Pro-Vice-Chancellor Provost Rector Principal ' +
    'Secretary Governor Mayor Minister Chairman Chairwoman Chair Chairperson Head CEO CFO COO CMO CTO Officer ' +
    'Executive Chief Managing Manager General Party Commissioner Ambassador Consul Consul-General Professor ' +
    'Prof Premier Senator Representative Councillor Councilor Superintendent Registrar Treasurer Founder ' +
    'Co-founder Partner Leader Coordinator Administrator Counsellor Counselor Inspector Senior Associate ' +
    'Assistant Executive State Member Board Trustee Lead Nursing Medical Academic Affairs Research ' +
    'International Operations Strategy Pro Acting Interim Honorary Founding'
  ).split(' '),
);

/** Words of organisations, places and things: never part of a person's name. */
const NOT_NAME = new Set(
  (
    'University Universities College School Hospital Hospitals Institute Institutet Centre Center Clinic ' +
    'Academy Faculty Department Ministry Government Commission Committee Council Bureau Office District ' +
    'City County Province Municipal Municipality People Republic Company Group Corporation Co Ltd Inc GmbH AG ' +
    'Foundation Trust Health Medicine Medical Science Sciences Technology Engineering Research Laboratory Lab ' +
    'Agreement Memorandum Understanding Contract Cooperation Partnership Framework Program Programme Project ' +
    'Party Association Alliance Society Union National State China Chinese Shanghai Beijing The A An This ' +
    'That These Those On In At By For With From And Of Its Their His Her Our We They He She It After Before ' +
    'During Witnessed Present Also Both Each Afterwards Meanwhile Finally Then Later Last Next Today ' +
    'Yesterday Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May ' +
    'June July August September October November December Summit Ceremony Conference Meeting Forum Hall ' +
    'Room Building Campus Park Road Street Square Data Digital Clinical Global World International'
  ).split(' '),
);

const INITIALS = 'b|p|m|f|d|t|n|l|g|k|h|j|q|x|zh|ch|sh|r|z|c|s|y|w';
const FINALS =
  'iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|ve|a|o|e|i|u|v';
// Anchored at both ends: an alternation takes its first match, so "an" must not stop at "a" (Yaan, Aixia).
const SYLLABLE = new RegExp(`^(?:(?:${INITIALS})(?:${FINALS})|(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|er))$`);

/** Whether a word splits into one to three pinyin syllables: "Xiaodong", "Lihua", "Ning", "Xiao-dong". */
export function isPinyin(word: string): boolean {
  const w = word.toLowerCase().replace(/[-']/g, '');
  if (w.length === 0 || w.length > 12) return false;
  const split = (rest: string, count: number): boolean => {
    if (rest === '') return count > 0;
    if (count === 3) return false;
    for (let n = Math.min(6, rest.length); n >= 1; n--) {
      const head = rest.slice(0, n);
      const m = SYLLABLE.exec(head);
      if (m && m[0] === head && split(rest.slice(n), count + 1)) return true;
    }
    return false;
  };
  return split(w, 0);
}

/** A capitalised name word: "Watling", "Müller", "O'Connell", "Smith-Jones", "M." (an initial). */
const NAME_WORD = /^(?:\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)?|\p{Lu}\.)$/u;
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'le',
  'la',
  'bin',
  'al',
  'dos',
]);

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{M}'’.-]*|\S/gu)) {
    let t = m[0];
    // Keep the dot of an initial or an honorific ("M.", "Dr."), drop a sentence's final dot.
    if (t.endsWith('.') && !/^\p{Lu}\.$/u.test(t) && !HONORIFIC.test(t)) t = t.slice(0, -1);
    tokens.push({ text: t, start: m.index, end: m.index + t.length });
  }
  return tokens;
}

function isNameWord(token: Token | undefined): boolean {
  if (!token) return false;
  const t = token.text;
  return NAME_WORD.test(t) && !NOT_NAME.has(t) && !ROLE_WORDS.has(t) && !HONORIFIC.test(t);
}

function isTitleWord(t: string): boolean {
  return HONORIFIC.test(t) || ROLE_WORDS.has(t) || /^(?:Vice|Pro)-/.test(t);
}

/** Titles that announce a name right after them ("President Yu Tao"), unlike "Medical" or "State". */
const NAME_TITLES = new Set(
  (
    'President Dean Director Chancellor Vice-Chancellor Pro-Vice-Chancellor Provost Rector Principal Secretary ' +
    'Governor Mayor Minister Chairman Chairwoman Chair Chairperson CEO CFO COO CMO CTO Officer Ambassador ' +
    'Consul Premier Senator Commissioner Professor Prof Founder Head Manager Executive Registrar Superintendent'
  ).split(' '),
);

/** Words after a name that make it the name of a place or a thing: "Alan Turing Institute". */
const ORG_AFTER = new Set(
  'University Institute Institutet Hospital Centre Center College School Foundation Clinic Medical Memorial Library Prize Award Building Hall Lecture Road Street Park Group Company Laboratory Lab Trust'.split(
    ' ',
  ),
);

/** Finds the people named in `text`, in order. */
export function findNames(text: string): NameMatch[] {
  const tokens = tokenize(text);
  const found: NameMatch[] = [];
  /** Runs of two name words with no title or known given name: names only when listed with a person. */
  const untitled: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isNameWord(token)) continue;
    // Chinese: surname + pinyin given name (or given names in Western order: "Xiaodong Ding").
    const next = tokens[i + 1];
    const adjacent = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));
    if (
      next &&
      adjacent(token, next) &&
      CHINESE_SURNAMES.has(token.text) &&
      isNameWord(next) &&
      isPinyin(next.text)
    ) {
      let end = next;
      // "Wang Xiao Ming": a second given syllable written apart.
      const third = tokens[i + 2];
      if (
        third &&
        adjacent(next, third) &&
        isNameWord(third) &&
        isPinyin(third.text) &&
        next.text.length <= 4
      ) {
        if (!isNameWord(tokens[i + 3]) && third.text.length <= 4) end = third;
      }
      i = tokens.indexOf(end);
      if (!ORG_AFTER.has(tokens[i + 1]?.text ?? '')) {
        found.push({ name: text.slice(token.start, end.end), start: token.start, end: end.end });
      }
      continue;
    }
    // Western: a run of name words (and particles, initials) after a title, or opening with a given name.
    const previous = tokens[i - 1];
    const titled =
      previous !== undefined &&
      (HONORIFIC.test(previous.text) || NAME_TITLES.has(previous.text)) &&
      adjacent(previous, token);
    if (!titled && !GIVEN_NAMES.has(token.text) && !beforeRole(text, tokens, i)) {
      if (isNameWord(next) && next && adjacent(token, next)) untitled.push(i);
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const candidate = tokens[j + 1]!;
      if (!adjacent(tokens[j]!, candidate)) break;
      if (isNameWord(candidate)) j++;
      else if (PARTICLES.has(candidate.text) && isNameWord(tokens[j + 2])) j++;
      else break;
      if (j - i >= 3) break;
    }
    const last = tokens[j]!;
    if (j === i || /\.$/.test(last.text)) continue; // a lone word or an initial is not a name
    if (ORG_AFTER.has(tokens[j + 1]?.text ?? '')) {
      i = j;
      continue;
    }
    found.push({ name: text.slice(token.start, last.end), start: token.start, end: last.end });
    i = j;
  }
  if (untitled.length > 0 && found.length > 0) return withListed(text, tokens, found, untitled);
  return found;
}

/** Words that end organisation names written without a head word ("Eastbridge Met"). */
const NOT_LAST_NAME = new Set(['Met', 'Metropolitan', 'Royal', 'Regional', 'Normal', 'Polytechnic', 'Tech']);

/**
 * "Pierre McAllister and President Raj Sutherland signed", "Ren Lei and Hamish Singh": a pair of name
 * words listed with a person ("A and B", "A, B") is a person too, whatever the given name.
 */
function withListed(text: string, tokens: Token[], found: NameMatch[], untitled: number[]): NameMatch[] {
  const out = [...found];
  for (const i of untitled) {
    const first = tokens[i]!;
    const last = tokens[i + 1]!;
    if (NOT_LAST_NAME.has(last.text) || ORG_AFTER.has(tokens[i + 2]?.text ?? '')) continue;
    if (isNameWord(tokens[i + 2]) && /^\s+$/.test(text.slice(last.end, tokens[i + 2]!.start))) continue;
    if (out.some((n) => n.start < last.end && first.start < n.end)) continue;
    // A person right after "and" (titles between allowed), or right before ", " / " and ".
    const after = /^\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)/.exec(text.slice(last.end));
    const listedAfter =
      after !== null &&
      out.some((n) => {
        if (n.start < last.end + after[0].length) return false;
        const between = text.slice(last.end + after[0].length, n.start);
        return between === '' || titleBefore(text, n.start).length === between.trim().length;
      });
    const before = /(?:,\s*(?:and\s+)?|\s(?:and|&))\s+$/.exec(text.slice(0, first.start));
    const listedBefore =
      before !== null && out.some((n) => n.end === (before.index ?? 0) || n.end + 1 === before.index);
    if (listedAfter || listedBefore)
      out.push({ name: text.slice(first.start, last.end), start: first.start, end: last.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "Lesley Watts, Chief Executive of the Trust": two or three name words right before a comma and a role
 * are a name, even with a given name the list does not know.
 */
function beforeRole(text: string, tokens: Token[], i: number): boolean {
  for (let n = 2; n <= 3; n++) {
    const run = tokens.slice(i, i + n);
    if (run.length < n || !run.every(isNameWord)) return false;
    const last = run[n - 1]!;
    if (
      /^,\s*(?:the\s+)?(?:(?:Vice|Deputy|Pro|Executive|Chief|Managing|Associate|Assistant|Acting|Interim|Senior|General)[\s-])*(?:President|Dean|Director|Chancellor|Vice-Chancellor|Provost|Rector|Principal|Secretary|Governor|Mayor|Minister|Chair|Chairman|Chairwoman|Chairperson|Head|CEO|Executive|Officer|Manager|Professor|Ambassador|Commissioner|Founder|Partner)\b/.test(
        text.slice(last.end),
      )
    ) {
      return true;
    }
  }
  return false;
}

/** Words before a name that are its title: "USST Vice President", "Professor Sir", "Dean". */
export function titleBefore(text: string, nameStart: number): string {
  const before = text.slice(Math.max(0, nameStart - 120), nameStart);
  const tokens = tokenize(before);
  let k = tokens.length;
  while (k > 0) {
    const t = tokens[k - 1]!.text;
    if (isTitleWord(t) || /^[A-Z]{2,}$/.test(t) || /^(?:of|for)$/.test(t) || /^\p{Lu}/u.test(t)) {
      if (/^(?:of|for)$/.test(t) && k === tokens.length) break;
      k--;
    } else break;
    // Stop at a comma or other punctuation between the words.
    if (k > 0 && /[,;:()]/.test(before.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
  }
  // The title must end with a title word and the run must contain one.
  const words = tokens.slice(k);
  while (
    words.length &&
    (/^(?:of|for)$/.test(words[0]!.text) || (!isTitleWord(words[0]!.text) && !/^[A-Z]/.test(words[0]!.text)))
  )
    words.shift();
  // A name inside the run ("Professor Duncan Maskell and ..."): the title starts after it.
  for (let w = words.length - 1; w > 0; w--) {
    if (
      !isTitleWord(words[w]!.text) &&
      !isTitleWord(words[w - 1]!.text) &&
      isNameWord(words[w]!) &&
      isNameWord(words[w - 1]!)
    ) {
      words.splice(0, w + 1);
      break;
    }
  }
  if (!words.some((w) => isTitleWord(w.text))) return '';
  const first = words[0];
  return first ? before.slice(first.start).trim() : '';
}

/** Splits a title into role and organisation: "USST Vice President" -> {role: Vice President, org: USST}. */
export function splitTitle(title: string): { role: string | null; organization: string | null } {
  const parts = title.split(/\s+/);
  const hasRole = parts.some((w) => ROLE_WORDS.has(w) && !HONORIFIC.test(w) && !/^Prof(?:essor)?$/.test(w));
  const cleaned = parts
    .filter((w) => !HONORIFIC.test(w) || (!hasRole && /^Prof(?:essor)?$/.test(w)))
    .join(' ')
    .trim();
  if (!cleaned) return { role: null, organization: null };
  // "Vice President of Shanghai General Hospital", "Dean of Zhejiang University School of Medicine".
  const of =
    /^(.*\b(?:President|Dean|Director|Chancellor|Principal|Secretary|Governor|Mayor|Minister|Chair(?:man|woman|person)?|Head|Officer|Executive|Manager|Provost|Rector|Professor|Commissioner|Ambassador|Leader|Founder|Partner|CEO|CFO|COO|CMO|CTO|Member|Trustee|Registrar)(?:\s+(?:International|Operations|Affairs|Academic|Research|Global|Education))?(?:\s+for\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?=\s+(?:of|at)\s))?)\s+(?:of|at|for)\s+(?:the\s+)?(.+)$/;
  const m = of.exec(cleaned);
  if (m) return { role: m[1]!.trim(), organization: m[2]!.trim() };
  // "USST Vice President", "Peking University President": organisation words, then the role.
  const words = cleaned.split(/\s+/);
  const r = words.findIndex((w) => ROLE_WORDS.has(w) || /^(?:Vice|Pro)-/.test(w));
  if (r > 0) return { role: words.slice(r).join(' '), organization: words.slice(0, r).join(' ') };
  return { role: cleaned, organization: null };
}
