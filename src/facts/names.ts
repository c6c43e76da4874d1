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
  /** A surname or given name alone after a title ("President Wang"): the full name is elsewhere in the article. */
  partial?: boolean;
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
  /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Madam|Madame|Mme|Herr|Frau|Associate|Assistant|Emeritus|Academician|Comrade|Engr|Datuk|Dato['’]?|Datin|Tun|Puan|Sheikh|Shaikh|Hon|Honourable|Honorable|Rt|Rev|Alhaji|Alhaja|Hajia|Mallam|Shri|Smt|Baroness|Baron|H\.E\.?|prof|dr|mr|mrs|ms)\.?$|^(?:Dra|Profa|Mtra|Mtro|Lic|Licda|Ing|Eng|Ir|Drs|Dres|Sra|Srta|Atty|Arq|Encik|med|rer|nat|habil)\.$|^Encik$/;

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
    'Room Building Campus Park Road Street Square Data Digital Clinical Global World International ' +
    'Clinics Centres Centers Institutes Colleges Schools Services Networks Laboratories Labs Systems'
  ).split(' '),
);

const INITIALS = 'b|p|m|f|d|t|n|l|g|k|h|j|q|x|zh|ch|sh|r|z|c|s|y|w';
const FINALS =
  'iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|ve|a|o|e|i|u|v';
// Anchored at both ends: an alternation takes its first match, so "an" must not stop at "a" (Yaan, Aixia).
const SYLLABLE = new RegExp(`^(?:(?:${INITIALS})(?:${FINALS})|(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|er))$`);

/** Whether a word splits into one to three pinyin syllables: "Xiaodong", "Lihua", "Ning", "Xiao-dong". */
export function isPinyin(word: string): boolean {
  const w = word.toLowerCase().replace(/[-'’]/g, '');
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
const NAME_WORD =
  /^(?:\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:['’]\p{Ll}{2,})?(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)*|(?:al|el|ad|as|ar|ash|at|az|bin|ibn|abu|van|von|de|da|di|du|le|la|d|o)['’-]\p{Lu}\p{Ll}+|\p{Lu}\.|Md\.|Mohd\.|Muhd\.|Ma\.)$/u;
/** An initial written without its dot ("M Rafiqul Alam", "Ian G Campbell", "Dr. NT Rikam"): inside a name only. */
const BARE_INITIALS = /^\p{Lu}{1,2}$/u;
/** A surname written in capitals ("WANG Jian’an", "LI Ming"). */
const CAPS_WORD = /^\p{Lu}{2,}$/u;
/** Month names that are also surnames ("Anthony May"): a name word inside a name, not before a number. */
const MONTH_SURNAMES = new Set(['May', 'June', 'April', 'August']);
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
  'binti',
  'bint',
  'ibn',
  'al',
  'el',
  'dos',
  'das',
  'del',
  'della',
  'ter',
  'ten',
  'y',
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
    // "Ma." (María) keeps its dot before a given name: "Dra. Ma. Luisa Reyes".
    const given = t === 'Ma.' && /^ \p{Lu}\p{Ll}/u.test(text.slice(m.index + 3, m.index + 6));
    if (
      t.endsWith('.') &&
      !/^\p{Lu}\.$/u.test(t) &&
      !HONORIFIC.test(t) &&
      !/^(?:Md|Mohd|Muhd)\.$/.test(t) &&
      !given
    )
      t = t.slice(0, -1);
    tokens.push({ text: t, start: m.index, end: m.index + t.length });
  }
  // "H. E." (His or Her Excellency) is one honorific, not two initials; "Dato' Sri", "Tan Sri" are one too.
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    const gap = text.slice(a.end, b.start);
    if (/^H\.?$/.test(a.text) && /^E\.?$/.test(b.text) && /^\.?\s?$/.test(gap)) {
      tokens.splice(k, 2, { text: 'H.E.', start: a.start, end: b.end });
    } else if (
      /^(?:Tan|Dato['’]?|Datuk|Toh)$/.test(a.text) &&
      /^(?:Sri|Seri|Puan)$/.test(b.text) &&
      gap === ' '
    ) {
      tokens.splice(k, 2, { text: 'Dato', start: a.start, end: b.end });
    }
  }
  return tokens;
}

/** Organisation words of other languages ("Istituto Superiore di Sanità", "Universidad de Zaragoza"). */
const ORG_STEM =
  /^(?:Istitut|Institut|Univers|Hôpital|Ospedal|Klinik|Fundaci|Fondazion|Stiftung|Akadem|Academ|Escuela|Scuola|[EÉ]cole|Facult|Minist|Consej|Consigli|Centro|Centre|Zentrum|Servicio|Instytut|Uniwersytet)/;

function isNameWord(token: Token | undefined): boolean {
  if (!token) return false;
  const t = token.text;
  if (ORG_STEM.test(t)) return false;
  if (!NAME_WORD.test(t) || NOT_NAME.has(t) || ROLE_WORDS.has(t) || HONORIFIC.test(t)) return false;
  // "Director-General", "Vice-Chancellor", "Sino-Italian"-like compounds of role or organisation words.
  return !t.includes('-') || !t.split('-').some((part) => ROLE_WORDS.has(part) || NOT_NAME.has(part));
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

/** Titles in lowercase that announce a name ("general secretary Manjit Singh Nayar", "RGU VC prof. Saket Kushwaha"). */
const LOWER_NAME_TITLES = new Set(
  (
    'president vice-president chancellor vice-chancellor pro-vice-chancellor secretary director dean governor ' +
    'minister chairman chairwoman chairperson registrar principal provost rector mayor ambassador commissioner ' +
    'premier officer superintendent director-general'
  ).split(' '),
);

function isNameTitle(t: string): boolean {
  return (
    NAME_TITLES.has(t) ||
    LOWER_NAME_TITLES.has(t) ||
    t === 'VC' ||
    (t.includes('-') && /^(?:Vice|Pro|Deputy)-\p{Lu}/u.test(t))
  );
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** A Chinese surname as written, in title case or in capitals ("WANG"), or null. */
function chineseSurname(word: string): string | null {
  if (CHINESE_SURNAMES.has(word)) return word;
  if (CAPS_WORD.test(word) && CHINESE_SURNAMES.has(titleCase(word))) return titleCase(word);
  return null;
}

export interface FindNamesOptions {
  /** Also a surname alone after a title ("President Wang", "Prof. Okonkwo"), marked `partial`. */
  partial?: boolean;
}

/** Finds the people named in `text`, in order. */
export function findNames(text: string, options: FindNamesOptions = {}): NameMatch[] {
  const tokens = tokenize(text);
  const adjacent = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));
  const scan: NameScan = {
    text,
    tokens,
    options,
    found: [],
    untitled: [],
    adjacent,
    next: (k: number): Token | undefined => {
      const a = tokens[k];
      const b = tokens[k + 1];
      return a && b && adjacent(a, b) ? b : undefined;
    },
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // A name starts with a capital: most tokens are lowercase words or punctuation (the hot path).
    const head = token.text.charAt(0);
    if (!head || head === head.toLowerCase()) continue;
    const following = scan.next(i);
    const chinese = chineseNameAt(scan, i, following) ?? givenFirstChineseNameAt(scan, i, following);
    if (chinese !== null) {
      i = chinese;
      continue;
    }
    const titled = isTitled(scan, i);
    const familyFirst = familyFirstNameAt(scan, i, following, titled);
    if (familyFirst !== null) {
      i = familyFirst;
      continue;
    }
    i = nameRunAt(scan, i, following, titled);
  }
  const { found, untitled } = scan;
  if (untitled.length > 0 && found.length > 0) return withListed(text, tokens, found, untitled);
  return found;
}

/** The state of one findNames pass over a text. */
interface NameScan {
  text: string;
  tokens: Token[];
  options: FindNamesOptions;
  found: NameMatch[];
  /** Runs of two to four name words with no title or known given name: names only when listed with a person. */
  untitled: [number, number][];
  /** Whether only white space lies between two tokens. */
  adjacent: (a: Token, b: Token) => boolean;
  /** The token after token k when only white space parts them. */
  next: (k: number) => Token | undefined;
}

/**
 * Chinese: surname (also in capitals) + pinyin given name: "Ding Xiaodong", "WANG Jian’an". The token
 * the name ends at, or null when none starts at token i.
 */
function chineseNameAt(scan: NameScan, i: number, following: Token | undefined): number | null {
  const { text, tokens, next } = scan;
  const token = tokens[i]!;
  const surname = chineseSurname(token.text);
  if (!(surname && following && isNameWord(following) && isPinyin(following.text))) return null;
  let end = following;
  // "Wang Xiao Ming": a second given syllable written apart.
  const third = next(i + 1);
  if (
    third &&
    isNameWord(third) &&
    isPinyin(third.text) &&
    following.text.length <= 4 &&
    !isNameWord(next(i + 2)) &&
    third.text.length <= 4
  )
    end = third;
  const last = tokens.indexOf(end);
  if (!ORG_AFTER.has(tokens[last + 1]?.text ?? '')) {
    scan.found.push({ name: surname + text.slice(token.end, end.end), start: token.start, end: end.end });
  }
  return last;
}

/**
 * Chinese in Western order: pinyin given name + surname ("Limin Zhang", "Ying Tan"). The token the name
 * ends at, or null when none starts at token i.
 */
function givenFirstChineseNameAt(scan: NameScan, i: number, following: Token | undefined): number | null {
  const { text, tokens, next, adjacent } = scan;
  const token = tokens[i]!;
  if (
    following &&
    isNameWord(token) &&
    token.text.length >= 3 &&
    isPinyin(token.text) &&
    CHINESE_SURNAMES.has(following.text) &&
    !isNameWord(next(i + 1)) &&
    !ORG_AFTER.has(tokens[i + 2]?.text ?? '') &&
    !(i > 0 && isNameWord(tokens[i - 1]) && adjacent(tokens[i - 1]!, token))
  ) {
    scan.found.push({ name: text.slice(token.start, following.end), start: token.start, end: following.end });
    return i + 1;
  }
  return null;
}

/** Whether token i follows a title or an honorific, also one in brackets ("Dr. (Mrs.) Sunita R. Kulkarni"). */
function isTitled(scan: NameScan, i: number): boolean {
  const { text, tokens, adjacent } = scan;
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  // "Dr. (Mrs.) Sunita R. Kulkarni": an honorific in brackets right before the name.
  const bracketed =
    previous?.text === ')' &&
    HONORIFIC.test(tokens[i - 2]?.text ?? '') &&
    tokens[i - 3]?.text === '(' &&
    /^\s+$/.test(text.slice(previous.end, token.start));
  return (
    bracketed ||
    (previous !== undefined &&
      (HONORIFIC.test(previous.text) || isNameTitle(previous.text)) &&
      adjacent(previous, token))
  );
}

/**
 * Family name first in capitals after a title, then a given name: "President YAMAMOTO Kenji". The token
 * the name ends at, or null when none starts at token i.
 */
function familyFirstNameAt(
  scan: NameScan,
  i: number,
  following: Token | undefined,
  titled: boolean,
): number | null {
  const { text, tokens } = scan;
  const token = tokens[i]!;
  if (
    titled &&
    CAPS_WORD.test(token.text) &&
    token.text.length >= 3 &&
    /[AEIOUY]/.test(token.text) &&
    following &&
    isNameWord(following) &&
    !/\.$/.test(following.text) &&
    !ORG_AFTER.has(tokens[i + 2]?.text ?? '')
  ) {
    scan.found.push({ name: text.slice(token.start, following.end), start: token.start, end: following.end });
    return i + 1;
  }
  return null;
}

/**
 * Western and others: a run of name words (with particles and initials) after a title, opening with a
 * listed given name or initials ("A. K. Sharma"), or followed by a role ("Sule Mundi, Provost of ...").
 * Records the name (or the untitled run) starting at token i; returns the token to resume after.
 */
function nameRunAt(scan: NameScan, i: number, following: Token | undefined, titled: boolean): number {
  const { text, tokens, options } = scan;
  const token = tokens[i]!;
  const initial = /^\p{Lu}\.$/u.test(token.text);
  const bare = titled && BARE_INITIALS.test(token.text) && isNameWord(following);
  if (!isNameWord(token) && !bare) return i;
  const run = nameRun(text, tokens, i);
  const end = run.end;
  const runLong = end > i && !/\.$/.test(tokens[end]!.text) && !BARE_INITIALS.test(tokens[end]!.text);
  // Untitled, a run with a word of places or organisations is none: "San Luis Valley Clinics".
  if (!titled && tokens.slice(i, end + 2).some((t) => PLACE_WORDS.has(t.text) || ORG_AFTER.has(t.text))) {
    return end;
  }
  if (!titled && !GIVEN_NAMES.has(token.text) && !(initial && runLong) && !beforeRole(text, tokens, i, end)) {
    if (runLong && !initial && !BARE_INITIALS.test(token.text)) scan.untitled.push([i, end]);
    return i;
  }
  if (!runLong) {
    // "President Wang", "Prof. Okonkwo": one word after a title names someone the article names in full.
    if (options.partial && titled && end === i && isNameWord(token) && !/\.$/.test(token.text)) {
      const after = tokens[i + 1]?.text ?? '';
      if (!ORG_AFTER.has(after) && !(after === '' && false))
        scan.found.push({ name: token.text, start: token.start, end: token.end, partial: true });
    }
    return i;
  }
  const last = tokens[end]!;
  if (ORG_AFTER.has(tokens[end + 1]?.text ?? '')) {
    return end;
  }
  scan.found.push({ name: text.slice(token.start, last.end), start: token.start, end: last.end });
  return end;
}

/**
 * How far a name that starts at token `i` runs: name words, initials ("Ian G Campbell"), particles
 * ("Ludwig van der Berg", "Awang bin Jamil"), a month that is a surname ("Anthony May"); at most four name
 * words. Returns the index of its last token (i when it is one word).
 */
function nameRun(text: string, tokens: Token[], i: number): { end: number } {
  const adjacent = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));
  let j = i;
  let words = 1;
  while (j + 1 < tokens.length && words < 4) {
    const candidate = tokens[j + 1]!;
    if (!adjacent(tokens[j]!, candidate)) break;
    const after = tokens[j + 2];
    const afterAdjacent = after !== undefined && adjacent(candidate, after);
    if (isNameWord(candidate)) {
      j++;
      words++;
    } else if (
      MONTH_SURNAMES.has(candidate.text) &&
      !(afterAdjacent && /^\d/.test(after.text)) &&
      !/^\s*\d/.test(text.slice(candidate.end))
    ) {
      j++;
      break;
    } else if (BARE_INITIALS.test(candidate.text) && afterAdjacent && isNameWord(after)) {
      j++;
    } else if (PARTICLES.has(candidate.text) && afterAdjacent) {
      // One or two particles, then a name word: "van der Berg", "bin Jamil".
      if (isNameWord(after)) j++;
      else if (PARTICLES.has(after.text) && isNameWord(tokens[j + 3]) && adjacent(after, tokens[j + 3]!))
        j += 2;
      else break;
    } else break;
  }
  return { end: j };
}

/**
 * "Pierre McAllister and President Raj Sutherland signed", "Ren Lei and Hamish Singh": a pair of name
 * words listed with a person ("A and B", "A, B") is a person too, whatever the given name.
 */
/** Words of places and organisations that a listed run of name words never holds. */
const PLACE_WORDS = new Set(
  (
    'Zone Development Memorial Falls Bay Valley Hills Heights Springs Lake River Mount Port Harbour Harbor ' +
    'Island Islands Coast Central Upper Lower Care Partners Capital Ventures ' +
    'Holdings Systems Solutions Technologies Pharma Pharmaceutical Pharmaceuticals Labs Energy Materials ' +
    'Devices Rehabilitation Optical Medical Biotech Biomedical Innovation Industrial Economic Technological'
  ).split(' '),
);

/** Words that end organisation names written without a head word ("Eastbridge Met"). */
const NOT_LAST_NAME = new Set(['Met', 'Metropolitan', 'Royal', 'Regional', 'Normal', 'Polytechnic', 'Tech']);

function withListed(
  text: string,
  tokens: Token[],
  found: NameMatch[],
  untitled: [number, number][],
): NameMatch[] {
  const out = [...found];
  for (const [i, k] of untitled) {
    const first = tokens[i]!;
    const last = tokens[k]!;
    if (NOT_LAST_NAME.has(last.text) || ORG_AFTER.has(tokens[k + 1]?.text ?? '')) continue;
    // "Cedar Falls Memorial", "Huaren Development Zone": a place or an organisation, not a person.
    if (tokens.slice(i, k + 1).some((t) => ORG_AFTER.has(t.text) || PLACE_WORDS.has(t.text))) continue;
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
function beforeRole(text: string, tokens: Token[], i: number, end: number): boolean {
  if (end <= i || end - i > 3) return false;
  return /^,\s*(?:the\s+)?(?:(?:Vice|Deputy|Pro|Executive|Chief|Managing|Associate|Assistant|Acting|Interim|Senior|General)[\s-])*(?:President|Dean|Director|Director-General|Chancellor|Vice-Chancellor|Provost|Rector|Principal|Secretary|Governor|Mayor|Minister|Chair|Chairman|Chairwoman|Chairperson|Head|CEO|Executive|Officer|Manager|Professor|Ambassador|Commissioner|Founder|Partner|Registrar)\b/i.test(
    text.slice(tokens[end]!.end),
  );
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
  // Lowercase roles too ("president of the University of Orleans"), when a capitalised name follows.
  const lower =
    /^((?:(?:vice|deputy|executive|chief|senior|acting|associate|assistant|general|pro)[\s-])*(?:president|dean|director|chancellor|vice-chancellor|principal|secretary|governor|mayor|minister|chair(?:man|woman|person)?|head|chief executive officer|executive officer|officer|provost|rector|registrar|ceo))\s+(?:of|at|for)\s+(?:the\s+)?(\p{Lu}.+)$/u;
  const m = of.exec(cleaned) ?? lower.exec(cleaned);
  if (m) return { role: m[1]!.trim(), organization: m[2]!.trim() };
  // "USST Vice President", "Peking University President": organisation words, then the role.
  const words = cleaned.split(/\s+/);
  const r = words.findIndex((w) => ROLE_WORDS.has(w) || /^(?:Vice|Pro)-/.test(w));
  if (r > 0) return { role: words.slice(r).join(' '), organization: words.slice(0, r).join(' ') };
  return { role: cleaned, organization: null };
}

/**
 * The words a later mention may use for a person named in full: the family name ("Wang" of "Wang En'ge",
 * "Zhang" of "Limin Zhang", "Okonkwo" of "Adaeze N. Okonkwo").
 */
export function personKeys(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => !/\.$/.test(w) && !PARTICLES.has(w));
  if (words.length < 2) return [];
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (words.length <= 3 && CHINESE_SURNAMES.has(first) && words.slice(1).every((w) => isPinyin(w)))
    return [first];
  return [last];
}
