/**
 * Events in one sentence: a ceremony, meeting or summit held ("the launching ceremony of ... was held",
 * "a ceremony for the signing of ..."), or something unveiled, launched, inaugurated, opened, established,
 * founded or formalised ("The University of Toronto officially launched the Centre for Quantum
 * Materials", "The unit was officially opened by ..."). Not events: figures of speech ("unveiled a new
 * path"), plans ("explore the establishment of", "will open"), statistics ("159 projects have been
 * launched").
 */

import { findOrganizations, type OrgMention } from './organizations.ts';

export interface EventMatch {
  /** What happened, in the sentence's words: "launching ceremony of collaboration between ...". */
  event: string;
  /** Where, when the sentence says: "auditorium of USST". */
  place: string | null;
  /** True for a gathering (ceremony, meeting), false for a verb event (launched, opened). */
  gathering: boolean;
  /** An event of a common verb (visited, approved, voted): one only when its sentence gives its day. */
  needsDate?: boolean;
}

/** Verbs that report an event only with a day of their own: "The board approved the merger on May 17". */
const DATED_VERB_EVENT = /\b(visited|approved|ratified|dedicated|commissioned)\b/g;

const GATHERING =
  /\b((?:(?:[a-z]+-)?[a-z]+ing|start-up|kick-off|launch|opening|inauguration|founding|award|graduation|commencement|completion|handover|plaque|ribbon-cutting)\s+)?(ceremony|ceremonies|start-up meeting|kick-off meeting|launch event|summit|Summit|conference|Conference|forum|Forum|symposium|Symposium|meeting)\b/g;
const HAPPENED =
  /\b(?:was|were|has been|had been|have been)\s+(?:\w+ly\s+)?(?:held|staged|hosted|convened|organi[sz]ed)\b|\btook place\b|\bto hold\b|\bheld\b|\bhosted\b|\bconvened\b|\bwitnessed\b|\bwelcomed\b|\battended\b|\bkicked off\b|\bgathered\s+(?:for|at)\b|\bmarked\b|\bcelebrated\b/;
const VERB_EVENT =
  /\b(unveil(?:ed|s)?|launch(?:ed|es)?|inaugurat(?:ed|es|e)|open(?:ed|s)|establish(?:ed|es)?|found(?:ed)|formali[sz]ed|kicked off)\b/g;
const NOT_DONE =
  /\b(?:to|will|would|shall|should|could|may|might|can|plan(?:s|ned)?\s+to|hope[sd]?\s+to|aim(?:s|ed)?\s+to|expected\s+to|explore|be)\s+(?:\w+ly\s+)?$/i;
const FIGURATIVE =
  /^(?:a|an|the)?\s*(?:new\s+|brand-new\s+|bright\s+)?(?:path|paths|way|ways|chapter|era|page|vision|future|journey|window|door|doors|prospects?|opportunit(?:y|ies)|horizons?|possibilit(?:y|ies))\b/i;
const PLACE =
  /\b(?:at|in)\s+((?:the\s+)?(?:[A-Z][\w'’-]*|auditorium|conference room|VIP room|hall|campus|room)[^,.;]*?)(?=,|\.|;|$|\s+(?:on|to|and)\s)/;

/** Finds the event a sentence reports, or null. */
export function findEvent(sentence: string): EventMatch | null {
  const visit = /\bdelegation\b|\bvisit/.test(sentence) ? findVisit(sentence) : null;
  if (visit) return visit;
  const presented = /\bpresented\b/.test(sentence) ? findPresentation(sentence) : null;
  if (presented) return presented;
  return (
    findGathering(sentence) ?? findRibbonCutting(sentence) ?? findVote(sentence) ?? findVerbEvent(sentence)
  );
}

/** A ceremony, meeting or summit held: "the launching ceremony of ... was held in the auditorium". */
function findGathering(sentence: string): EventMatch | null {
  for (const m of sentence.matchAll(GATHERING)) {
    const kind = m[2]!;
    const before = sentence.slice(0, m.index);
    // A ceremony that is only the setting of something else ("addressed a speech at the signing ceremony").
    if (
      /\b(?:at|during|after|before)\s+(?:the|this|a|an)\s+(?:[\w-]+\s+){0,3}$/i.test(before) &&
      !HAPPENED.test(sentence)
    )
      continue;
    if (!HAPPENED.test(sentence) && !/\b(?:On|on|last|Last)\b/.test(sentence)) continue;
    if (kind === 'meeting' && !m[1] && !/\b(?:held|hosted|convened)\b/.test(sentence)) continue;
    const start = modifiersStart(sentence, m.index);
    const event = phraseAfter(sentence, start, m.index + m[0].length);
    return {
      event: event.replace(/^(?:The|the|A|a|An|an|Its|its)\s+/, ''),
      place: placeOf(sentence.slice(m.index)),
      gathering: true,
    };
  }
  return null;
}

/** "cut the ribbon on the telehealth hub"; "The ribbon was cut on Friday by ...". */
function findRibbonCutting(sentence: string): EventMatch | null {
  const ribbon =
    /\bcut\s+the\s+ribbon\s+(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:on|at|for)\s+((?:the|a|an|its|their)\s+[^,;.]+?|[A-Z][^,;.]*?)(?=\s+(?:on|in|at|that|which|with)\b|[,;.]|$)/.exec(
      sentence,
    );
  // "The ribbon was cut on Friday by ...": the thing opened is named in the sentence before.
  const cut = /\b[Tt]he\s+ribbon\s+(?:was|has been)\s+(?:\w+ly\s+)?cut\b/.exec(sentence);
  if (!ribbon && cut)
    return { event: 'ribbon cutting', place: placeOf(sentence.slice(cut.index)), gathering: false };
  if (ribbon && !NOT_DONE.test(sentence.slice(0, ribbon.index)))
    return {
      event: `ribbon cutting of ${ribbon[1]!.replace(/^(?:the|a|an)\s+/i, '')}`,
      place: null,
      gathering: false,
    };
  return null;
}

/** "voted to approve the merger": an event only when its sentence gives its day. */
function findVote(sentence: string): EventMatch | null {
  const vote =
    /\bvoted\b[^.;]{0,60}?\bto\s+(approve|ratify|endorse|adopt)\s+((?:the|a|an|its|their)\s+[^,;.]+?)(?=\s+(?:on|at|in|during|with)\b|[,;.]|$)/.exec(
      sentence,
    );
  if (vote && !NOT_DONE.test(sentence.slice(0, vote.index)))
    return {
      event: `vote to ${vote[1]} ${vote[2]!.replace(/^(?:the|a|an)\s+/i, 'the ')}`,
      place: null,
      gathering: false,
      needsDate: true,
    };
  return null;
}

/** Something unveiled, launched, inaugurated, opened, established or founded (or visited, approved...). */
function findVerbEvent(sentence: string): EventMatch | null {
  for (const m of [...sentence.matchAll(VERB_EVENT), ...sentence.matchAll(DATED_VERB_EVENT)]) {
    const event = verbEventAt(sentence, m[0], m.index);
    if (event) return event;
  }
  return null;
}

/** The event of the verb `verb` at `index`, or null when that verb reports none. */
function verbEventAt(sentence: string, verb: string, index: number): EventMatch | null {
  const dated = /^(?:visited|approved|ratified|dedicated|commissioned)$/.test(verb);
  const before = sentence.slice(0, index);
  if (NOT_DONE.test(before)) return null;
  const after = sentence.slice(index + verb.length);
  // "was blessed and inaugurated": two verbs joined, the event's verb last.
  const passive = /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:[a-z]+ed\s+and\s+)?$/i.test(before);
  if (passive) return passiveEvent(before, after, verb, dated);
  const object = objectOf(after);
  // "visited the teaching wards": a tour, not an event; "visited the Braga Clinic" is one.
  if (verb === 'visited' && !/\p{Lu}/u.test(object ?? '')) return null;
  // "The new home of the Center for Digital Health opened on May 25": no object, a time after.
  if (!object && /^\s+(?:(?:officially|formally)\s+)?(?:on|in|last|yesterday|today|this)\b/.test(after)) {
    const opened = subjectEvent(before, after, verb);
    if (opened) return opened;
  }
  if (
    !object ||
    FIGURATIVE.test(object) ||
    /^(?:a|an|the)?\s*(?:\d|two|three|four|five|six|seven|eight|nine|ten|several|many|more)\b/i.test(object)
  ) {
    return null;
  }
  return {
    event: `${verb} ${object}`,
    place: placeOf(after),
    gathering: false,
    ...(dated ? { needsDate: true } : {}),
  };
}

/** "The unit was officially opened by ...": the event is its subject and the verb; none for a count. */
function passiveEvent(before: string, after: string, verb: string, dated: boolean): EventMatch | null {
  const subject = before.replace(
    /\s*\b(?:was|were|has been|have been|had been|been|being|is|are)\s+(?:\w+ly\s+)?(?:[a-z]+ed\s+and\s+)?$/i,
    '',
  );
  let head = subject.slice(subject.lastIndexOf(',') + 1).trim();
  // "toured the new Cancer Care Wing, which was inaugurated ...": the thing named before "which".
  if (/^which$/i.test(head)) {
    const noun = nounBeforeWhich(subject);
    if (!noun) return null;
    head = noun;
  }
  // "159 projects have been launched": a count, not an event.
  if (/\b\d[\d,]*\b/.test(head) || /\b(?:over|more than|some|many|several)\s/i.test(head)) return null;
  if (!head) return null;
  return {
    event: `${head.replace(/^(?:The|the)\s+/, '')} ${verb}`,
    place: placeOf(after),
    gathering: false,
    ...(dated ? { needsDate: true } : {}),
  };
}

/** "The new home of the Center for Digital Health opened on May 25": the named subject opened, or null. */
function subjectEvent(before: string, after: string, verb: string): EventMatch | null {
  // "the $70 million Australian Institute for Bioengineering (AIBN) opens today": a cost is no count.
  const whole = before.slice(before.lastIndexOf(',') + 1).trim();
  // "visited the new Riverside Learning Hub, which opened on 1 March": the thing named before "which".
  const which = /^which(?:\s+\w+ly)?$/i.test(whole) ? nounBeforeWhich(before) : null;
  if (which) {
    const event = `${which.replace(/^(?:brand-)?new\s+/i, '')} ${verb}`;
    return { event, place: placeOf(after), gathering: false };
  }
  const costed = whole
    .replace(/^(?:the|its|their)\s+(?=[$€£¥\d])/i, '')
    .replace(
      /^(?:[$€£¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:dollars?|euros?|pounds?))(?:\s+(?:million|billion|m|bn))?(?:-dollar)?\s+/i,
      '',
    );
  const subject = costed === whole ? whole : costed;
  if (
    /^[A-Z]/.test(subject) &&
    !/\d/.test(subject) &&
    !/\b(?:which|that|who)\b|\band\s+(?![A-Z])/.test(subject)
  ) {
    return {
      event: `${subject.replace(/^The\s+/, '')} ${verb}`,
      place: placeOf(after),
      gathering: false,
    };
  }
  return null;
}

/**
 * The proper noun phrase a ", which ..." clause is about: "toured the new Cancer Care Wing, which" gives
 * "Cancer Care Wing"'s phrase after its last article ("new Cancer Care Wing"); null when none has a capital.
 */
function nounBeforeWhich(beforeWhich: string): string | null {
  const clause = beforeWhich.slice(0, beforeWhich.lastIndexOf(','));
  const articles = [...clause.matchAll(/\b(?:the|its|their|a|an)\s+/g)];
  const last = articles[articles.length - 1];
  const noun = last ? clause.slice(last.index + last[0].length).trim() : '';
  return /^[^,;]{1,80}$/.test(noun) && /\p{Lu}/u.test(noun) ? noun : null;
}

/**
 * A delegation's visit: "B led a delegation to P", "A met with a delegation from Q led by B", "a delegation
 * (from Q) led by B visited P", "Q paid a visit to P". The event names the visitors and the hosts when
 * the sentence does: "visit of a delegation from Q to P".
 */
function findVisit(sentence: string): EventMatch | null {
  const orgs = findOrganizations(sentence);
  const orgAt = (at: number) => orgs.find((o) => o.start >= at && o.start <= at + 4) ?? null;
  const orgBefore = (at: number) => orgs.filter((o) => o.end <= at).pop() ?? null;
  let from: OrgMention | null = null;
  let to: OrgMention | null;
  const led = /\bled\s+(?:a|the|an?\s+[\w-]+)\s+delegation\s+to\s+/.exec(sentence);
  const met =
    /\b(?:met\s+with|received|welcomed|hosted)\s+(?:a|the)\s+(?:[\w-]+\s+)?delegation\s+from\s+/.exec(
      sentence,
    );
  const visited = /\bdelegation\b(?:\s+from\s+)?/.exec(sentence);
  const verb = visited
    ? /\b(?:visited|paid\s+(?:a|an\s+[\w-]+)\s+visit\s+to)\s+/.exec(sentence.slice(visited.index))
    : null;
  if (led) {
    to = orgAt(led.index + led[0].length);
    from = orgBefore(led.index);
    if (!to) return null;
  } else if (met) {
    from = orgAt(met.index + met[0].length);
    to = orgBefore(met.index);
    if (!from) return null;
  } else if (visited && verb) {
    const at = visited.index + verb.index + verb[0].length;
    to = orgAt(at);
    if (!to) return null;
    if (visited[0].includes('from')) from = orgAt(visited.index + visited[0].length);
  } else return null;
  // "will lead a delegation to", "plans to meet with a delegation from": not done yet.
  const verbAt = led?.index ?? met?.index ?? visited!.index + verb!.index;
  if (NOT_DONE.test(sentence.slice(0, verbAt))) return null;
  const event = `visit of a delegation${from ? ` from ${from.name}` : ''}${to ? ` to ${to.name}` : ''}`;
  return { event, place: null, gathering: true };
}

/** "The team presented the findings at the World Congress on Medical Physics on July 18". */
function findPresentation(sentence: string): EventMatch | null {
  const m =
    /\bpresented\s+(?:the|their|its|his|her|our)\s+((?:[\w-]+\s+){0,3}?)(?:findings|results|work|study|research|paper|poster|data)\s+at\s+(?:the\s+)?/.exec(
      sentence,
    );
  if (!m || NOT_DONE.test(sentence.slice(0, m.index))) return null;
  // The meeting's name: capitalised words, with "of", "on", "for", "and", "the" between them.
  const name =
    /^(?:[\p{Lu}\d][\w'’-]*)(?:\s+(?:(?:of|on|for|and|the|&)\s+)*(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[\p{Lu}\d][\w'’-]*)*/u.exec(
      sentence.slice(m.index + m[0].length),
    );
  if (!name) return null;
  return { event: `presentation of the findings at the ${name[0]}`, place: null, gathering: true };
}

/** Where the modifiers of "ceremony" start: "the launching ceremony", "a ceremony", "its annual Health Data Summit". */
function modifiersStart(sentence: string, at: number): number {
  const before = sentence.slice(0, at);
  const m =
    /((?:(?:[A-Z][\w'’-]*|[a-z]+-[a-z]+|annual|joint|official|first|second|grand|virtual|online)\s+)*)$/.exec(
      before,
    );
  return at - (m?.[1]?.length ?? 0);
}

/** The phrase from `start`, through "of/for/between ..." complements, to a verb, a comma or a date. */
function phraseAfter(sentence: string, start: number, end: number): string {
  const rest = sentence.slice(end);
  const complement =
    /^\s+(?:of|for|between|on(?!\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|the\s+(?:morning|afternoon|evening)|\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)))\s+[^,;.]*?(?=\s+(?:was|were|is|has|have|had|held|took|at|in\s+the|on\s+(?:the\s+)?(?:morning|afternoon|\d|[A-Z][a-z]+\s+\d)|and\s+(?!the\s+[A-Z]|[A-Z])[a-z]+|to\s+[a-z]+)\b|[,;.]|$)/.exec(
      rest,
    );
  const text = sentence.slice(start, end) + (complement ? complement[0] : '');
  return text.trim();
}

/** The object of an event verb: "the Centre for Quantum Materials", "a joint laboratory for clinical AI". */
function objectOf(after: string): string | null {
  const m =
    /^\s+(?:officially\s+|jointly\s+|formally\s+)?((?:the|a|an|its|their)\s+[^,;.]*?|[A-Z][^,;.]*?)(?=\s+(?:on|at|in|with|by|to|during|and\s+(?:the\s+)?[a-z]+ed|last|this|yesterday|today)\b|[,;.]|$)/.exec(
      after,
    );
  const object = m?.[1]?.trim();
  if (!object || /^(?:the|a|an|its|their)$/i.test(object)) return null;
  // "in data science": keep a short "in ..." tail that belongs to the object.
  const tail = /^\s+in\s+([a-z][a-z\s-]{2,40}?)(?=\s+on\b|[,;.]|$)/.exec(
    after.slice((m?.index ?? 0) + (m?.[0].length ?? 0)),
  );
  return tail ? `${object} in ${tail[1]}` : object;
}

function placeOf(text: string): string | null {
  const m = PLACE.exec(text);
  if (!m) return null;
  const place = m[1]!.trim();
  if (/^(?:the\s+)?(?:same|time|end|beginning|meeting|ceremony|event|presence)\b/i.test(place)) return null;
  return place;
}
