/**
 * The facts of one article, from that article alone: its signings, its dated events and its
 * organisations. A signing or event sentence without a date of its own takes the date of the ceremony
 * the article reports; a date inside quoted speech is never an event's date.
 */
import type { Signer } from './types.ts';
import type { Article } from '../corpus/types.ts';
import {
  hasVagueTime,
  insideSpans,
  quotedSpans,
  reportedOccasion,
  sentenceDates,
  type DateMention,
} from './dates.ts';
import { findEvent } from './events.ts';
import { findNames, personKeys, titleBefore } from './names.ts';
import { articleOrganizations, findOrganizations, nameTerms, resolveOrganization } from './organizations.ts';
import {
  describePerson,
  findSigning,
  isGenericAgreement,
  partiesBetween,
  type KnownPerson,
  type SigningMatch,
} from './signings.ts';
import type { ArticleFacts, DatedEvent, Organization, Signing } from './types.ts';

type Draft<T> = Omit<T, 'article'>;

interface SentenceDate {
  sentence: number;
  mention: DateMention;
}

type EventDraft = Omit<Draft<DatedEvent>, 'organizations'> & { own: boolean; signing?: boolean };
type SigningDraft = SigningMatch & { sentence: number; also: number[]; confidence: number };
type CeremonyFor = (i: number, signing: boolean) => SentenceDate | null;

/** Whether sentence i lies inside quoted speech. */
type IsQuoted = (i: number) => boolean;

export function extractArticleFacts(article: Article): ArticleFacts {
  const quoted = quotedSpans(article.text);
  const organizations = articleOrganizations(article.title, article.text);
  const sentences = article.sentences;
  const isQuoted = (i: number) => {
    const s = sentences[i]!;
    return insideSpans(quoted, s.start, s.end);
  };
  const { dateOf, otherTime } = sentenceDays(article, quoted, isQuoted);
  const { eventDrafts, signingDrafts } = findDrafts(article, isQuoted, dateOf);
  addDatedSignings(eventDrafts, signingDrafts, dateOf);
  eventDrafts.sort((a, b) => a.sentence - b.sentence);
  const ceremonyFor = ceremonyFinder(article, eventDrafts, dateOf);
  const events = eventDrafts.map((draft) =>
    datedEvent(article, organizations, draft, otherTime, ceremonyFor),
  );
  const specificAgreement = signingDrafts.map((s) => s.agreement).find((a) => !isGenericAgreement(a)) ?? null;
  const signings = signingDrafts.map((s) =>
    finishSigning(article, organizations, s, dateOf, ceremonyFor, specificAgreement),
  );
  signingEvents(events, eventDrafts, signings, dateOf.size === 0);
  return { signings: mergeRestatements(organizations, signings), events, organizations };
}

/**
 * The first day-precise date of each sentence, outside quoted speech (dateOf), and the sentences that
 * instead tell a vague time (otherTime).
 */
function sentenceDays(
  article: Article,
  quoted: ReturnType<typeof quotedSpans>,
  isQuoted: IsQuoted,
): { dateOf: Map<number, DateMention>; otherTime: Set<number> } {
  const dateOf = new Map<number, DateMention>();
  const otherTime = new Set<number>();
  article.sentences.forEach((s, i) => {
    if (isQuoted(i)) return;
    const mention = sentenceDates(article, s).find(
      (d) => d.hasDay && !insideSpans(quoted, s.start + d.start, s.start + d.end),
    );
    if (mention) dateOf.set(i, mention);
    else if (hasVagueTime(s.text)) {
      otherTime.add(i);
    }
  });
  return { dateOf, otherTime };
}

/** The signing and event sentences of the article, outside quoted speech, not yet dated by the ceremony. */
function findDrafts(
  article: Article,
  isQuoted: IsQuoted,
  dateOf: Map<number, DateMention>,
): { eventDrafts: EventDraft[]; signingDrafts: SigningDraft[] } {
  const eventDrafts: EventDraft[] = [];
  const signingDrafts: SigningDraft[] = [];
  // Computed once, and only for an article with a signing sentence that needs it.
  let known: KnownPerson[] | undefined;
  const people = () => (known ??= knownPeople(article));
  article.sentences.forEach((s, i) => {
    if (isQuoted(i)) return;
    const signing = findSigning(s.text, people);
    if (signing) {
      const resolved = resolveSigners(article, i, signing, people);
      if (
        signing.signers.length > 0 ||
        signing.parties.length > 0 ||
        !isGenericAgreement(signing.agreement) ||
        resolved.confidence < 0.5
      )
        for (const one of signing.split ?? [null])
          signingDrafts.push(
            one
              ? { ...signing, signers: one.signers, parties: one.parties, sentence: i, ...resolved }
              : { ...signing, sentence: i, ...resolved },
          );
    }
    const event = findEvent(s.text);
    if (event && (!event.needsDate || dateOf.has(i))) {
      const own = dateOf.get(i);
      eventDrafts.push({
        sentences: [i],
        sentence: i,
        event: event.event,
        place: event.place,
        date: own?.date ?? null,
        dateText: own?.text ?? null,
        own: own !== undefined,
      });
    }
  });
  return { eventDrafts, signingDrafts };
}

/** A signing with its own date is an event too ("inked a memorandum ... on Nov. 18th"). */
function addDatedSignings(
  eventDrafts: EventDraft[],
  signingDrafts: SigningDraft[],
  dateOf: Map<number, DateMention>,
): void {
  for (const s of signingDrafts) {
    const own = dateOf.get(s.sentence);
    if (!own || eventDrafts.some((e) => e.sentence === s.sentence)) continue;
    eventDrafts.push({
      sentences: [s.sentence],
      sentence: s.sentence,
      event: `signing of ${s.agreement ? (isGenericAgreement(s.agreement) ? `the ${s.agreement}` : s.agreement) : 'an agreement'}`,
      place: null,
      date: own.date,
      dateText: own.text,
      own: true,
      signing: true,
    });
  }
}

/** The ceremony the article reports, for a sentence without a date: the first dated event (a signing one first for signings). */
function ceremonyFinder(
  article: Article,
  eventDrafts: EventDraft[],
  dateOf: Map<number, DateMention>,
): CeremonyFor {
  const sentences = article.sentences;
  const datedEvents: SentenceDate[] = eventDrafts
    .filter((e) => e.own)
    .map((e) => ({ sentence: e.sentence, mention: dateOf.get(e.sentence)! }));
  const occasion = reportedOccasion(article, dateOf);
  return (i: number, signing: boolean): SentenceDate | null => {
    if (signing) {
      const signingCeremony = datedEvents.find((d) => /\bsign/i.test(sentences[d.sentence]!.text));
      if (signingCeremony) return signingCeremony;
    }
    // The first dated event before it: a later one ("the wing was opened on 20 September") is another day.
    const earlier = signing ? datedEvents.find((d) => d.sentence <= i) : datedEvents[0];
    if (earlier) return earlier;
    // No dated event: the nearest dated sentence before, in the same paragraph.
    for (let k = i - 1; k >= 0 && sentences[k]!.paragraph === sentences[i]!.paragraph; k--) {
      const mention = dateOf.get(k);
      if (mention) return { sentence: k, mention };
    }
    // Else the one day the article dates, when it is the occasion reported (see reportedOccasion); for a
    // signing, only when told before it.
    return signing && occasion && occasion.sentence > i ? null : occasion;
  };
}

/** An event with its organisations, dated by its own sentence or else by the ceremony the article reports. */
function datedEvent(
  article: Article,
  organizations: Organization[],
  { own, signing: _, ...draft }: EventDraft,
  otherTime: Set<number>,
  ceremonyFor: CeremonyFor,
): Draft<DatedEvent> {
  // How sure: a date in the event's own sentence 0.9, from the ceremony the article reports 0.75, none 0.6.
  const e = {
    ...draft,
    organizations: organizationsIn(organizations, article.sentences[draft.sentence]!.text),
    confidence: own ? 0.9 : 0.6,
  };
  if (own || otherTime.has(e.sentence)) return e;
  const ceremony = ceremonyFor(e.sentence, false);
  if (!ceremony || ceremony.sentence === e.sentence) return e;
  return {
    ...e,
    sentences: [ceremony.sentence, e.sentence].sort((a, b) => a - b),
    date: ceremony.mention.date,
    dateText: ceremony.mention.text,
    confidence: 0.75,
  };
}

/** A signing with its date, its signers' roles, its agreement named and its parties resolved. */
function finishSigning(
  article: Article,
  organizations: Organization[],
  s: SigningDraft,
  dateOf: Map<number, DateMention>,
  ceremonyFor: CeremonyFor,
  specificAgreement: string | null,
): Draft<Signing> {
  const own = dateOf.get(s.sentence);
  const ceremony = own ? null : ceremonyFor(s.sentence, true);
  const mention = own ?? ceremony?.mention ?? null;
  const context = ceremony ? article.sentences[ceremony.sentence]!.text : '';
  const signers = s.signers.map((signer) => withRole(article, signer));
  let agreement = s.agreement;
  if (isGenericAgreement(agreement)) {
    agreement = specificAgreement ?? agreementIn(context) ?? agreementIn(article.title) ?? agreement;
  }
  const parties = signingParties(article, organizations, s, context, ceremony !== null, signers);
  const named = [...parties, ...signers.map((x) => x.organization).filter((x): x is string => x !== null)];
  const confidence = Math.round(s.confidence * (own ? 1 : mention ? 0.9 : 1) * 100) / 100;
  return {
    sentences: [...new Set([...(ceremony ? [ceremony.sentence] : []), ...s.also, s.sentence])].sort(
      (a, b) => a - b,
    ),
    sentence: s.sentence,
    confidence,
    signers,
    agreement,
    parties,
    organizations: uniqueOrgs(
      named.map((n) => resolveOrganization(organizations, n) ?? { name: n, aliases: [] }),
    ),
    date: mention?.date ?? null,
    dateText: mention?.text ?? null,
  };
}

/**
 * The parties of a signing: those named between in its sentence and the ceremony's, its own, its
 * signers' organisations; with fewer than two, those of the headline, then of the first sentence.
 */
function signingParties(
  article: Article,
  organizations: Organization[],
  s: SigningDraft,
  context: string,
  hasCeremony: boolean,
  signers: Signer[],
): string[] {
  const sentences = article.sentences;
  const partyNames = [
    ...partiesBetween(sentences[s.sentence]!.text),
    ...(hasCeremony ? partiesBetween(context) : []),
    ...s.parties,
    ...signers.map((x) => x.organization).filter((x): x is string => x !== null),
  ];
  // Fewer than two parties named: the organisations of the headline ("X and Y renew agreement"), then
  // those of the first sentence (a caption's signing: "A and B signing the MoU").
  if (resolveParties(organizations, partyNames).length < 2) {
    partyNames.push(...findOrganizations(article.title).map((o) => o.name));
  }
  if (resolveParties(organizations, partyNames).length < 2 && sentences[0] && s.sentence !== 0) {
    // Not a dateline's city in capitals ("DENVER (Oct. 4, 2021) –"): an acronym only when the article spells it out.
    partyNames.push(
      ...findOrganizations(sentences[0].text)
        .map((o) => o.name)
        .filter(
          (n) => !/^[A-Z&]+$/.test(n) || (resolveOrganization(organizations, n)?.aliases.length ?? 0) > 0,
        ),
    );
  }
  return resolveParties(organizations, partyNames);
}

/**
 * A dated signing is an event too, described by what was signed and by whom: "signing of the Strategic
 * Cooperation Framework Agreement on Energy Storage between P and Q". A signing sentence without a date
 * of its own ("Dr. A and B signed the agreement") takes the ceremony's date, as the signing does.
 */
function signingEvents(
  events: Draft<DatedEvent>[],
  drafts: { sentence: number; signing?: boolean }[],
  signings: Draft<Signing>[],
  undated: boolean,
): void {
  for (const s of signings) {
    // An undated signing is a "when" event only in an article that dates nothing: its answer is "no date".
    if (!s.date && !undated) continue;
    const what = s.agreement
      ? isGenericAgreement(s.agreement)
        ? `the ${s.agreement}`
        : /^(?:the|a|an)\s/i.test(s.agreement)
          ? s.agreement
          : `the ${s.agreement}`
      : 'an agreement';
    const event = `signing of ${what}${s.parties.length >= 2 ? ` between ${s.parties.join(' and ')}` : ''}`;
    const at = events.findIndex((e) => e.sentence === s.sentence);
    if (at >= 0) {
      // The event of the signing sentence itself: described by the signing, unless it is a gathering.
      if (drafts[at]?.signing) events[at] = { ...events[at]!, event, organizations: s.organizations };
      continue;
    }
    events.push({
      sentences: s.sentences,
      sentence: s.sentence,
      event,
      place: null,
      date: s.date,
      dateText: s.dateText,
      organizations: s.organizations,
      ...(s.confidence !== undefined ? { confidence: s.confidence } : {}),
    });
  }
  events.sort((a, b) => a.sentence - b.sentence);
}

/**
 * "UCLA Health and Cedars-Sinai inked a memorandum on Nov. 18th. Dr. A and B inked the memorandum ...":
 * one signing told twice. The one without names folds into the one that names the signers and quotes it.
 */
function mergeRestatements(organizations: Organization[], signings: Draft<Signing>[]): Draft<Signing>[] {
  const named = signings.filter((s) => s.signers.length > 0);
  return signings.flatMap((s) => {
    if (s.signers.length > 0) return [s];
    // "DIU signs two MOUs with P and Q", then each MOU's signers: the summary belongs to each named one.
    if (
      named.length >= 2 &&
      /\b(?:two|three|both|several|MOUs|MoUs|MoAs|agreements|memoranda|contracts)\b/i.test(s.agreement ?? '')
    ) {
      const mine = named.filter((n) => n.parties.some((p) => s.parties.includes(p)));
      if (mine.length >= 2) {
        for (const n of mine) n.sentences = [...new Set([...n.sentences, s.sentence])].sort((a, b) => a - b);
        return [];
      }
    }
    // Quoted with it, or the article's one named signing of the same agreement ("X has signed the
    // Agreement on Y with Z." ... "A and B signed the agreement on behalf of X and Z.").
    const into =
      named.find((n) => n.sentences.includes(s.sentence)) ??
      (named.length === 1 && sameAgreement(s.agreement, named[0]!.agreement) ? named[0] : undefined);
    if (!into) return [s];
    // The fuller name of the agreement: "Joint Research Agreement on Nursing Education" for "the joint research agreement".
    if (
      !isGenericAgreement(s.agreement) &&
      (isGenericAgreement(into.agreement) || s.agreement!.length > into.agreement!.length)
    )
      into.agreement = s.agreement;
    if (!into.date && s.date) {
      into.date = s.date;
      into.dateText = s.dateText;
    }
    into.parties = resolveParties(organizations, [...s.parties, ...into.parties]);
    into.organizations = uniqueOrgs([...s.organizations, ...into.organizations]);
    return [];
  });
}

/** Whether two names of agreements can be one: either is generic, or one holds the other's words. */
function sameAgreement(a: string | null, b: string | null): boolean {
  if (isGenericAgreement(a) || isGenericAgreement(b)) return true;
  const wa = a!.toLowerCase().split(/\s+/);
  const wb = b!.toLowerCase().split(/\s+/);
  return wa.every((w) => wb.includes(w)) || wb.every((w) => wa.includes(w));
}

/** The article's organisations that a sentence names. */
function organizationsIn(organizations: Organization[], text: string): Organization[] {
  return uniqueOrgs(
    findOrganizations(text).map(
      (o) => resolveOrganization(organizations, o.name) ?? { name: o.name, aliases: [] },
    ),
  );
}

function uniqueOrgs(orgs: Organization[]): Organization[] {
  const seen = new Set<string>();
  return orgs.filter((o) => !seen.has(o.name) && Boolean(seen.add(o.name)));
}

/** A signer without a role in the signing sentence gets the one the article gives elsewhere. */
function withRole(article: Article, signer: Signer): Signer {
  if (signer.role) return signer;
  for (const s of article.sentences) {
    const at = s.text.indexOf(signer.name);
    if (at < 0) continue;
    const n = findNames(s.text).find((x) => x.start === at);
    if (!n) continue;
    const described = describePerson(s.text, n);
    if (described.role) return described;
  }
  return signer;
}

/** "strategic cooperation agreement" in "the signing of a strategic cooperation agreement between ...". */
function agreementIn(text: string): string | null {
  const head = /\b(?:agreement|memorandum of understanding|memorandum|MoU|MOU|contract)\b/i.exec(text);
  if (!head) return null;
  // Up to five modifiers before the head, stopping at an article, a verb of signing or a preposition.
  const before = text.slice(0, head.index).split(/\s+/).filter(Boolean);
  const modifiers: string[] = [];
  for (let k = before.length - 1; k >= 0 && modifiers.length < 5; k--) {
    const w = before[k]!;
    if (
      /^(?:the|a|an|of|for|on|and|between|sign|signs|signed|signing|inked|to|its|their|this)$/i.test(w) ||
      /[,.;:]$/.test(w)
    )
      break;
    modifiers.unshift(w);
  }
  const tail =
    /^\s+(?:on|of|for)\s+(?!(?:the\s+)?(?:morning|afternoon|evening|\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|behalf))[^,.;]+?(?=\s+(?:between|was|were|with|at|is|in\s+the)\b|[,.;]|$)/.exec(
      text.slice(head.index + head[0].length),
    );
  const phrase = [...modifiers, head[0]].join(' ') + (tail ? tail[0] : '');
  return phrase && !isGenericAgreement(phrase) ? phrase.trim() : null;
}

/** Party names resolved to the article's fullest names, without repeats or names held by another. */
function resolveParties(organizations: Organization[], names: string[]): string[] {
  const resolved: string[] = [];
  for (const name of names) {
    const org = resolveOrganization(organizations, name);
    const display = org?.name ?? name;
    if (!resolved.includes(display)) resolved.push(display);
  }
  return resolved.filter((name) => {
    const terms = nameTerms(name);
    return !resolved.some((other) => {
      if (other === name) return false;
      const big = nameTerms(other);
      return big.length > terms.length && terms.every((t) => big.includes(t));
    });
  });
}

/** The people the article names in full, each with the surname a later mention may use alone. */
function knownPeople(article: Article): KnownPerson[] {
  const people: KnownPerson[] = [];
  const seen = new Set<string>();
  for (const s of article.sentences) {
    for (const n of findNames(s.text)) {
      if (seen.has(n.name)) continue;
      seen.add(n.name);
      people.push({ name: n.name, keys: personKeys(n.name) });
    }
  }
  return people;
}

/**
 * Signers a sentence names by "they", "the two" or titles alone ("by the Vice-Chancellor and Provost"):
 * the people the article names so. Returns the sentences that name them and how sure the signing is:
 * a signer the text does not let us name (a surname alone nobody has in full, "they" with no one before)
 * makes the signing unsure, and an unsure signing is a suggestion, not an answer.
 */
function resolveSigners(
  article: Article,
  i: number,
  signing: SigningMatch,
  people: () => KnownPerson[],
): { also: number[]; confidence: number } {
  const also: number[] = [];
  const confidence = signing.partial ? 0.3 : 0.9;
  if (signing.signers.length > 0 && signing.titledBeside && signing.titles?.length) {
    // "The Rector and Prof. B then signed": the Rector is the one person the article gives that title.
    const named = signing.signers.map((x) => x.name);
    const found = signing.titles.map((t) => personWithTitle(article, t, people, named));
    const fresh = found.filter((f) => f && !signing.signers.some((x) => x.name === f.signer.name));
    if (fresh.length === found.length) {
      signing.signers = [...fresh.map((f) => f!.signer), ...signing.signers];
      also.push(...fresh.map((f) => f!.sentence).filter((k) => k !== i));
      return { also: [...new Set(also)], confidence: Math.min(confidence, 0.7) };
    }
    // A signer the text names only by a title nobody has: unsure.
    return { also, confidence: 0.3 };
  }
  if (signing.signers.length > 0) return { also, confidence };
  if (signing.pronoun) {
    const previous = article.sentences[i - 1];
    const names = previous ? findNames(previous.text) : [];
    if (
      previous &&
      names.length === 2 &&
      !/\b(?:witness|attend|present|host|chair|spoke|remarks)/i.test(previous.text)
    ) {
      signing.signers = names.map((n) => describePerson(previous.text, n));
      also.push(i - 1);
      return { also, confidence: 0.75 };
    }
    return { also, confidence: 0.3 };
  }
  if (signing.titles?.length) {
    const found = signing.titles.map((t) => personWithTitle(article, t, people));
    if (found.every((f) => f !== null)) {
      signing.signers = found.map((f) => f!.signer);
      also.push(...found.map((f) => f!.sentence).filter((k) => k !== i));
      return { also: [...new Set(also)], confidence: 0.7 };
    }
    return { also, confidence: 0.3 };
  }
  // The text says it was signed and names no one: signers empty, stated as such.
  return { also, confidence: 0.6 };
}

/** The one person the article gives a title: "Vice-Chancellor X", "X, Provost of P", "The Registrar of P, X". */
function personWithTitle(
  article: Article,
  title: string,
  people: () => KnownPerson[],
  others: string[] = [],
): { signer: Signer; sentence: number } | null {
  // "the Rector" is not the Vice Rector.
  const re = new RegExp(
    `(?<!(?:Vice|Pro|Deputy|Associate|Assistant)[\\s-])\\b${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+')}\\b`,
    'i',
  );
  const hits = new Map<string, { signer: Signer; sentence: number }>();
  for (const s of article.sentences) {
    if (!re.test(s.text)) continue;
    for (const n of findNames(s.text)) {
      const appositive = /^,\s*(?:the\s+)?([^,;]{0,80})/.exec(s.text.slice(n.end))?.[1] ?? '';
      // "The Vice-Chancellor of NSUK, Professor X": the title, its organisation, a comma, the name.
      const lead = /(?:^|[.;]\s*|,\s*)((?:the\s+)?[^,;]{0,80}),\s*(?:[\p{Lu}][\p{L}.]*\s+){0,3}$/iu.exec(
        s.text.slice(0, n.start),
      );
      const before = titleBefore(s.text, n.start);
      const leadText = lead && !findNames(lead[1]!).length ? lead[1]! : '';
      if (re.test(before) || re.test(appositive.split(/\s+and\s+/)[0]!) || re.test(leadText)) {
        if (!hits.has(n.name) && !others.includes(n.name))
          hits.set(n.name, { signer: describePerson(s.text, n), sentence: s.index });
      }
    }
  }
  void people;
  return hits.size === 1 ? [...hits.values()][0]! : null;
}
