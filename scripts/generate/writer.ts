/**
 * Writes the text of one article, sentence by sentence, and remembers what it wrote: each sentence is
 * returned exactly as it lands in the file (no-break spaces included), so gold evidence can quote it.
 * Also knows how an article names organisations (full name first, with an acronym defined in brackets,
 * then the acronym or short name) and people (titles before or after the name, honorifics).
 */
import type { Random } from '../../src/bench/random.ts';
import type { Org, Person, Site } from './world.ts';

export type PersonStyle =
  'name' | 'hon' | 'orgTitle' | 'title' | 'app' | 'appOpen' | 'titleOf' | 'poss' | 'lowerApp';

export class Writer {
  readonly paragraphs: string[][] = [[]];
  /** Paragraphs whose text must not be re-wrapped (they hold sentences that gold questions quote). */
  readonly pinned = new Set<number>();
  /** Every sentence written, in order. */
  readonly sentences: string[] = [];
  private readonly introduced = new Set<Org>();
  private readonly defined = new Set<Org>();
  private readonly mentioned = new Set<Person>();

  constructor(
    readonly rng: Random,
    readonly site: Site,
    /** The organisation whose site publishes the article: its acronym needs no definition. */
    readonly home: Org,
  ) {}

  /** Adds a sentence to the current paragraph and returns it exactly as written. */
  add(sentence: string, pin = false): string {
    let text = capitalise(
      sentence
        .replace(/\s+/g, ' ')
        .replace(/,\s*(?=[.;:])/g, '')
        .replace(/,\s*,/g, ',')
        .trim(),
    );
    if (this.rng.chance(this.site.nbsp)) text = roughen(this.rng, text);
    const current = this.paragraphs[this.paragraphs.length - 1];
    current?.push(text);
    this.sentences.push(text);
    if (pin) this.pinned.add(this.paragraphs.length - 1);
    return text;
  }

  /** Ends the current paragraph. */
  para(): void {
    if ((this.paragraphs[this.paragraphs.length - 1]?.length ?? 0) > 0) this.paragraphs.push([]);
  }

  /** A one-line paragraph such as a photo caption ("Ding Xiaodong delivered a speech"), without a full stop. */
  caption(text: string): void {
    this.para();
    this.add(text.replace(/\.$/, ''));
    this.para();
  }

  /** The organisation as running text: full name on first mention (maybe defining an acronym), then short forms. */
  org(o: Org, mode: 'auto' | 'full' | 'short' = 'auto'): string {
    const rng = this.rng;
    if (!this.introduced.has(o)) {
      this.introduced.add(o);
      if (o === this.home && o.acronym && rng.chance(0.35)) {
        this.defined.add(o);
        return o.acronym;
      }
      const full = fullName(o);
      if (mode !== 'full' && o.acronym && rng.chance(0.65)) {
        this.defined.add(o);
        const form = rng.weighted<number>([
          [0, 6],
          [1, 2],
          [2, 1],
          [3, 1],
          [4, 1],
        ]);
        if (form === 0) return `${full} (${o.acronym})`;
        if (form === 1) return `${full} (hereinafter referred to as “${o.acronym}”)`;
        if (form === 2) return `${full} (“${o.acronym}”)`;
        if (form === 3) return `${full} (${o.acronym} hereafter)`;
        return `${full} (hereafter ${o.acronym})`;
      }
      return full;
    }
    if (mode === 'full') return fullName(o);
    const options: string[] = [];
    if (o.acronym && (this.defined.has(o) || o === this.home)) options.push(o.acronym, o.acronym);
    const shortIsAcronym = o.short === o.acronym;
    if (o.short !== o.name && !shortIsAcronym)
      options.push(o.shortThe ? `the ${o.short.replace(/^the /, '')}` : o.short);
    if (mode === 'short' && options.length > 0) return rng.pick(options);
    options.push(fullName(o));
    return rng.pick(options);
  }

  /** A possessive-free label for an organisation before a title: "USST", "Qingpu District", "Eastbridge". */
  orgLabel(o: Org): string | null {
    if (o.acronym && (this.defined.has(o) || o === this.home)) return o.acronym;
    const shortIsAcronym = o.short === o.acronym;
    if (
      this.introduced.has(o) &&
      o.short !== o.name &&
      !shortIsAcronym &&
      !o.shortThe &&
      !o.short.startsWith('the ')
    ) {
      return o.short;
    }
    if (!o.the && o.name.split(' ').length <= 4) {
      this.introduced.add(o);
      return o.name;
    }
    return null;
  }

  /** A person as a noun phrase that a verb can follow ("USST Vice President Liu Ping", "Jiang Ning, Dean of Gongli Hospital,"). */
  person(p: Person, allowed?: readonly PersonStyle[]): string {
    const rng = this.rng;
    const styles: PersonStyle[] = allowed
      ? [...allowed]
      : ['name', 'hon', 'orgTitle', 'title', 'app', 'appOpen', 'titleOf', 'poss', 'lowerApp'];
    const shortTitle = p.titleTakesOrg && p.title.split(' ').length <= 3 && !/ of /.test(p.title);
    const usable = styles.filter((s) => {
      if (s === 'orgTitle' || s === 'title') return shortTitle;
      if (s === 'poss') return p.western && shortTitle;
      if (s === 'lowerApp') return p.org.chinese && shortTitle;
      if (s === 'titleOf') return p.titleTakesOrg && p.org.chinese;
      return true;
    });
    const style = usable.length > 0 ? rng.pick(usable) : 'app';
    this.mentioned.add(p);
    switch (style) {
      case 'name':
        return p.name;
      case 'hon':
        return `${this.honorific(p)} ${p.name}`;
      case 'orgTitle': {
        const label = this.orgLabel(p.org);
        return label
          ? `${label} ${p.title} ${this.academic(p)}${p.name}`
          : `${p.title} ${this.academic(p)}${p.name}`;
      }
      case 'title':
        return `${p.title} ${this.academic(p)}${p.name}`;
      case 'app':
        return `${this.academic(p)}${p.name}, ${this.titleOf(p)},`;
      case 'appOpen':
        // Translated releases often drop the closing comma: "Yu Xufeng, Governor of Qingpu District signed".
        return `${this.academic(p)}${p.name}${rng.chance(0.06) ? ',' : ', '}${this.titleOf(p)}`;
      case 'titleOf':
        return `${p.title} of ${this.org(p.org)} ${p.name}`;
      case 'poss':
        return `${this.org(p.org, 'short')}'s ${p.title} ${this.academic(p)}${p.name}`;
      case 'lowerApp':
        return `${p.name}, ${p.title.toLowerCase()} of ${this.org(p.org)},`;
    }
  }

  /** "Vice President of USST", "Secretary of the CPC District Committee". */
  titleOf(p: Person): string {
    return p.titleTakesOrg ? `${p.title} of ${this.org(p.org)}` : p.title;
  }

  mentionedBefore(p: Person): boolean {
    return this.mentioned.has(p);
  }

  /** How the person is addressed after the first mention: "Professor Watling", "President Ding", "Mr. Wang". */
  later(p: Person): string {
    const rng = this.rng;
    if (!this.mentioned.has(p)) return this.person(p, ['app', 'orgTitle', 'title']).replace(/,$/, '');
    if (p.western && p.honorific && rng.chance(0.7))
      return `${p.honorific.replace('Prof. Dr.', 'Professor')} ${p.surname}`;
    if (!p.western && rng.chance(0.5)) return p.name;
    const shortTitle = p.titleTakesOrg && p.title.split(' ').length <= 2 && !/ of /.test(p.title);
    if (shortTitle && rng.chance(0.6)) return `${p.title} ${p.western ? p.surname : p.name}`;
    return p.name;
  }

  private honorific(p: Person): string {
    if (p.honorific) return p.honorific;
    return p.female ? 'Ms.' : 'Mr.';
  }

  private academic(p: Person): string {
    return p.honorific && p.western && this.rng.chance(0.5) ? `${p.honorific} ` : '';
  }

  /** The article body: paragraphs separated by blank lines (sometimes only by a line break after a full stop). */
  body(markdown: boolean): string {
    const rng = this.rng;
    const paragraphs = this.paragraphs.filter((p) => p.length > 0);
    let out = '';
    paragraphs.forEach((sentences, i) => {
      let text = sentences.join(rng.chance(0.03) ? '  ' : ' ');
      if (
        markdown &&
        !this.pinned.has(this.paragraphs.indexOf(sentences)) &&
        text.length > 160 &&
        rng.chance(0.5)
      ) {
        text = wrap(text, 78);
      }
      if (i > 0) out += /[.!?”"]$/.test(out) && rng.chance(0.08) ? '\n' : '\n\n';
      out += text;
    });
    return out;
  }
}

/** "the University of Shanghai for Science and Technology". */
export function fullName(o: Org): string {
  return o.the ? `the ${o.name}` : o.name;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Puts a few no-break spaces into a sentence, where a space was, as copy-pasted web text has them. */
function roughen(rng: Random, text: string): string {
  const spaces: number[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === ' ' && text[i - 1] !== ' ' && text[i + 1] !== ' ') spaces.push(i);
  }
  if (spaces.length === 0) return text;
  const chosen = rng.sample(spaces, rng.int(1, Math.min(4, spaces.length))).sort((a, b) => b - a);
  let out = text;
  for (const at of chosen) {
    const replacement = rng.pick(['\u00a0', '\u00a0', '\u00a0 ', ' \u00a0']);
    out = out.slice(0, at) + replacement + out.slice(at + 1);
  }
  return out;
}

/** Hard-wraps a paragraph at spaces, only after a letter, digit or comma, so a parser joins it back exactly. */
function wrap(text: string, width: number): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (
      line.length > 0 &&
      line.length + 1 + word.length > width &&
      /[\p{L}\p{N},]$/u.test(line) &&
      line.length >= 50
    ) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
