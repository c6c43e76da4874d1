/**
 * Generates one article at a time: picks the organisations, people, dates and events, writes the text in the
 * publisher's style, and records the facts that gold questions are derived from.
 */
import {
  addDays,
  compareDays,
  datePhrase,
  type DatePhrase,
  type Day,
  formatDateLine,
  monthName,
  randomDay,
} from './dates.ts';
import type {
  Agreement,
  ArticleFacts,
  EventClass,
  EventFact,
  Facility,
  NegativeFact,
  SigningFact,
} from './facts.ts';
import {
  CN_GIVEN_FIRST,
  CN_GIVEN_SECOND,
  CN_SURNAMES,
  CONFERENCES,
  FACILITY_KINDS,
  FIELDS,
  FUNDERS,
  JOURNALS,
  PROGRAM_KINDS,
  VENUES_CN,
  VENUES_WEST,
  WEST_FIRST_FEMALE,
  WEST_FIRST_MALE,
  WEST_SURNAMES,
} from './lists.ts';
import {
  capital,
  figureSentence,
  planSentence,
  PURPOSE_VERBS,
  PURPOSES,
  pronoun,
  quoteSentence,
  speechFollow,
  speechSentence,
  visitSentence,
} from './phrases.ts';
import type { Random } from '../../src/bench/random.ts';
import { titleCase, type Org, type Person, type Rank, type World } from './world.ts';
import { fullName as fullNameOf, Writer } from './writer.ts';

export const FIRST_DAY: Day = { year: 2013, month: 1, day: 1 };
export const LAST_DAY: Day = { year: 2024, month: 12, day: 31 };

export interface GeneratedArticle {
  file: string;
  text: string;
  facts: ArticleFacts;
}

type Archetype = 'signing' | 'event' | 'visit' | 'research';

/** Generates the articles of one corpus; keeps the state articles share (facilities, titles). */
export class ArticleFactory {
  private readonly facilityNames = new Set<string>();
  /** Facilities agreed on by each pair of organisations, with the date of the agreement. */
  private readonly facilities = new Map<string, { facility: Facility; agreedOn: Day }[]>();
  private readonly recentTitles = new Map<Org, string[]>();

  constructor(
    private readonly world: World,
    private readonly rng: Random,
  ) {}

  article(index: number): GeneratedArticle {
    const rng = this.rng;
    const publishers = this.world.publishers;
    const home = publishers[Math.floor(publishers.length * rng.next() ** 1.6)] ?? publishers[0];
    if (!home?.site) throw new Error('the world has no publisher');
    const site = home.site;
    const archetype = home.chinese
      ? rng.weighted<Archetype>([
          ['signing', 60],
          ['event', 25],
          ['visit', 8],
          ['research', 7],
        ])
      : rng.weighted<Archetype>([
          ['signing', 45],
          ['event', 15],
          ['visit', 8],
          ['research', 32],
        ]);
    const markdown = rng.chance(site.markdown);
    const file = `gen_${String(index).padStart(6, '0')}.${markdown ? 'md' : 'txt'}`;
    const w = new Writer(rng, site, home);
    const state: Draft = {
      w,
      home,
      pub: randomDay(rng, FIRST_DAY, LAST_DAY),
      title: '',
      signings: [],
      events: [],
      negatives: [],
      searchable: [],
      mentionsSigning: false,
    };
    switch (archetype) {
      case 'signing':
        this.signingArticle(state);
        break;
      case 'event':
        this.eventArticle(state);
        break;
      case 'visit':
        this.visitArticle(state);
        break;
      case 'research':
        this.researchArticle(state);
        break;
    }
    const dated = site.dateStyles.length > 0;
    const text = this.page(state, markdown, dated);
    const negatives = state.mentionsSigning ? [] : state.negatives;
    return {
      file,
      text,
      facts: {
        file,
        title: state.title,
        published: dated ? state.pub : null,
        signings: state.signings,
        events: state.events,
        negatives,
        searchable: state.searchable,
        sentences: w.sentences,
      },
    };
  }

  // ---------------------------------------------------------------- page layout

  private page(s: Draft, markdown: boolean, dated: boolean): string {
    const rng = this.rng;
    const site = s.w.site;
    const blocks: string[] = [];
    if (site.breadcrumbs.length > 0 && rng.chance(0.85) && !markdown) blocks.push(rng.pick(site.breadcrumbs));
    blocks.push(markdown ? `${rng.pick(['# ', '# ', '## '])}${s.title}` : s.title);
    const bylineStyle = site.dateStyles.length > 0 ? rng.pick(site.dateStyles) : null;
    const byline = rng.pick(site.bylines);
    if (
      dated &&
      bylineStyle !== 'long-byline' &&
      bylineStyle !== 'posted-weekday' &&
      !s.home.chinese &&
      rng.chance(0.15)
    ) {
      blocks.push(markdown ? `**By ${byline}**` : `By ${byline}`);
    }
    if (dated && bylineStyle) {
      const line = formatDateLine(rng, s.pub, bylineStyle, rng.chance(0.7) ? byline : null);
      const label = /^[A-Za-z ]+: /.exec(line);
      const styled = label ? `**${label[0].trim()}** ${line.slice(label[0].length)}` : `*${line}*`;
      blocks.push(markdown && rng.chance(0.5) ? styled : line);
    }
    let sourceAfter: string | null = null;
    if (site.sourceLine) {
      const url = `https://${site.sourceHost.replace(/^https:\/\//, '')}${token(rng, 22)}`;
      const label = site.sourceLine === 'link' ? 'Link of the original article:\u00a0' : 'Source: ';
      const line = markdown ? `${label}[${url}](${url})` : `${label}${url}`;
      if (rng.chance(0.75)) blocks.push(line);
      else sourceAfter = line;
    }
    let text = blocks.join('\n\n');
    text += `\n\n${s.w.body(markdown)}`;
    if (sourceAfter) text += `\n\n${sourceAfter}`;
    const footer = rng.pick(site.footers).map((line) => line.replace('{year}', String(s.pub.year)));
    text +=
      '\n\n' + footer.map((line) => (markdown && line && rng.chance(0.5) ? `## ${line}` : line)).join('\n\n');
    const recent = this.recentTitles.get(s.home) ?? [];
    if (/^related|^more news/i.test(footer[0] ?? '') && recent.length > 0) {
      text += '\n\n' + rng.sample(recent, 3).join('\n\n');
    }
    recent.push(s.title);
    if (recent.length > 6) recent.shift();
    this.recentTitles.set(s.home, recent);
    return `${text}\n`;
  }

  // ---------------------------------------------------------------- choosing things

  private partner(home: Org, except: Org[] = []): Org {
    const rng = this.rng;
    const candidates = home.partners.filter((p) => !except.includes(p));
    if (candidates.length === 0 || rng.chance(0.08)) {
      for (;;) {
        const other = rng.pick(this.world.orgs);
        if (other !== home && !except.includes(other)) return other;
      }
    }
    return candidates[Math.floor(candidates.length * rng.next() ** 1.5)] ?? (candidates[0] as Org);
  }

  private member(org: Org, ranks: Rank[], except: Person[] = []): Person {
    const rng = this.rng;
    for (const rank of rng.shuffle(ranks)) {
      const people = org.people.filter((p) => p.rank === rank && !except.includes(p));
      if (people.length > 0) return rng.pick(people);
    }
    const rest = org.people.filter((p) => !except.includes(p));
    return rng.pick(rest.length > 0 ? rest : org.people);
  }

  /** A guest official who belongs to no organisation of the world: a commission director, a consul. */
  private guest(home: Org): Person {
    const rng = this.rng;
    const female = rng.chance(0.35);
    const chinese = home.chinese || rng.chance(0.3);
    const name = chinese
      ? `${rng.pick(CN_SURNAMES)} ${rng.pick(CN_GIVEN_FIRST)}${rng.pick(CN_GIVEN_SECOND)}`
      : `${rng.pick(female ? WEST_FIRST_FEMALE : WEST_FIRST_MALE)} ${rng.pick(WEST_SURNAMES)}`;
    const title = chinese
      ? rng.pick([
          `Vice Director of ${home.city} Municipal Education Commission`,
          `Deputy Director of ${home.city} Municipal Health Commission`,
          `Secretary of Party Leadership Group of ${home.city} Health Commission`,
          `Vice Director of ${home.city} Economic and Information Commission`,
          `Deputy Mayor of ${home.city}`,
          `Director of the ${home.city} Science and Technology Commission`,
        ])
      : rng.pick([
          `Consul General of the People's Republic of China in ${home.city}`,
          'Minister for Higher Education',
          `Chair of the ${home.city} Regional Health Board`,
          `Trade Commissioner for ${home.city}`,
        ]);
    return {
      name,
      surname: name.split(' ')[chinese ? 0 : 1] ?? name,
      female,
      western: !chinese,
      honorific: null,
      title,
      titleTakesOrg: false,
      rank: 'director',
      org: home,
    };
  }

  private field(): string {
    return this.rng.pick(FIELDS);
  }

  private newFacility(
    owner: Org,
    partner: Org | null,
    field: string,
    type: 'facility' | 'program',
  ): Facility {
    const rng = this.rng;
    for (let attempt = 0; ; attempt++) {
      const f = titleCase(attempt < 8 ? field : this.field());
      let name: string;
      if (type === 'program') {
        const prefix =
          partner && !partner.chinese
            ? `Sino-${adjective(partner)} `
            : rng.chance(0.5)
              ? `${owner.city} `
              : '';
        name = `${prefix}${f} ${rng.pick(PROGRAM_KINDS)}`;
      } else {
        const lastWord = f.split(' ').pop() ?? '';
        const kinds = FACILITY_KINDS.filter((k) => !k.startsWith(lastWord));
        const kind = rng.pick(kinds.length > 0 ? kinds : FACILITY_KINDS);
        const form = rng.int(0, 5);
        const ownerShort = owner.short.replace(/ (?:Hospital|University|District)$/, '');
        const a = owner.acronym ?? (ownerShort.split(' ').length <= 2 ? ownerShort : owner.city);
        const partnerShort = partner?.short.replace(/ (?:Hospital|University|District)$/, '') ?? '';
        const b = partner
          ? (partner.acronym ?? (partnerShort.split(' ').length <= 2 ? partnerShort : null))
          : null;
        if (form === 0 && b) name = `${a}-${b} ${f} ${kind}`;
        else if (form === 1)
          name = `${owner.city} ${rng.pick(['High-end ', 'Advanced ', 'Smart ', ''])}${f} ${kind}`;
        else if (form === 2)
          name = `${kind.replace(/ (?:Center|Centre|Institute)$/, '') === kind ? kind : kind} for ${f}`;
        else if (form === 3 && partner && !partner.chinese) name = `Sino-${adjective(partner)} ${f} ${kind}`;
        else if (form === 4)
          name = `${f} ${kind} of ${owner.short.startsWith('the ') ? owner.short.slice(4) : a}`;
        else name = `${owner.city} ${f} ${kind}`;
        if (form === 2) name = `Joint ${name.replace(/^Joint /, '')}`;
      }
      if (attempt > 20) name = `${name} ${rng.int(2, 9)}`;
      const key = name
        .toLowerCase()
        .replace(/centre/g, 'center')
        .replace(/programme/g, 'program');
      if (this.facilityNames.has(key)) continue;
      this.facilityNames.add(key);
      return { name, owner, partner, field, type, inAgreement: false };
    }
  }

  private agreement(p: Org, q: Org, field: string, date: Day): Agreement {
    const rng = this.rng;
    const f = titleCase(field);
    const kind = rng.weighted<string>([
      ['strategic', 5],
      ['mou', 5],
      ['construction', 4],
      ['exchange', 2],
      ['degree', 1.5],
      ['research', 2],
      ['talent', 2],
      ['consortium', p.kind === 'hospital' || q.kind === 'hospital' ? 2 : 0],
      ['iur', q.kind === 'company' || p.kind === 'company' ? 4 : 0.5],
      ['transfer', q.kind === 'company' ? 3 : 0.3],
      ['contract', 1.5],
      ['intent', 1],
    ]);
    const named = rng.chance(0.45);
    let facility: Facility | null = null;
    let name: string | null;
    let kindWords: string;
    switch (kind) {
      case 'strategic':
        kindWords = rng.pick([
          'strategic cooperation agreement',
          'strategic cooperation framework agreement',
        ]);
        name = named ? `Strategic Cooperation Framework Agreement on ${f}` : null;
        break;
      case 'mou':
        kindWords = 'memorandum of understanding';
        name = named ? `Memorandum of Understanding on ${f} Cooperation` : null;
        break;
      case 'construction': {
        facility = this.newFacility(p, q, field, 'facility');
        facility.inAgreement = true;
        const key = pairKey(p, q);
        const list = this.facilities.get(key) ?? [];
        list.push({ facility, agreedOn: date });
        this.facilities.set(key, list);
        kindWords = 'agreement on the joint construction';
        name = `${rng.pick(['Cooperation Framework Agreement', 'Agreement', 'Co-construction Agreement'])} on the Joint Construction of ${facility.name}`;
        break;
      }
      case 'exchange':
        kindWords = 'student exchange agreement';
        name = named ? `Student Exchange Agreement in ${f}` : null;
        break;
      case 'degree': {
        facility = this.newFacility(p, q, field, 'program');
        facility.inAgreement = true;
        kindWords = 'dual degree agreement';
        name = `Agreement on the ${facility.name}`;
        break;
      }
      case 'research':
        kindWords = 'joint research agreement';
        name = named ? `Joint Research Agreement on ${f}` : null;
        break;
      case 'talent':
        kindWords = 'talent training agreement';
        name = named ? `Agreement on Joint Talent Cultivation in ${f}` : null;
        break;
      case 'consortium':
        kindWords = 'medical consortium agreement';
        name = named ? `${p.city} ${f} Medical Consortium Agreement` : null;
        break;
      case 'iur':
        kindWords = 'industry-university-research cooperation agreement';
        name = named ? `Industry-University-Research Cooperation Agreement on ${f}` : null;
        break;
      case 'transfer':
        kindWords = 'technology transfer agreement';
        name = named ? `Technology Transfer Agreement on ${f}` : null;
        break;
      case 'intent':
        kindWords = 'letter of intent';
        name = named ? `Letter of Intent on ${f} Cooperation` : null;
        break;
      default:
        kindWords = 'cooperation contract';
        name = null;
    }
    return { kind, kindWords, name, facility };
  }

  /** "the Cooperation Framework Agreement on ...", "a memorandum of understanding (MoU)". */
  private agreementPhrase(a: Agreement, first: boolean): string {
    const rng = this.rng;
    if (a.name && (first || rng.chance(0.5))) return `the ${a.name}`;
    if (!first) {
      if (a.kind === 'mou') return rng.pick(['the MoU', 'the memorandum']);
      return rng.pick(['the agreement', 'the agreement', `the ${a.kindWords}`]);
    }
    switch (a.kind) {
      case 'mou':
        return rng.pick(['a memorandum of understanding', 'a memorandum of understanding (MoU)', 'an MoU']);
      case 'strategic':
        return `a ${a.kindWords}`;
      case 'intent':
        return 'a letter of intent';
      case 'iur':
        return 'an industry-university-research cooperation agreement';
      case 'contract':
        return rng.pick(['a cooperation contract', 'a contract']);
      default:
        return `a ${a.kindWords}`;
    }
  }

  private eventDate(pub: Day): Day {
    const rng = this.rng;
    const lag = rng.weighted<[number, number]>([
      [[0, 3], 3],
      [[4, 20], 5],
      [[21, 60], 2],
      [[61, 300], 0.5],
    ]);
    let d = addDays(pub, -rng.int(lag[0], lag[1]));
    if (d.month === 2 && d.day === 29) d = addDays(d, -1);
    return d;
  }

  private phrase(s: Draft, d: Day): DatePhrase {
    return datePhrase(this.rng, d, s.w.site.british, true);
  }

  private venue(s: Draft, org: Org): string {
    const rng = this.rng;
    if (!s.w.home.chinese) return rng.pick(VENUES_WEST);
    return rng.pick(VENUES_CN).replace('{org}', s.w.org(org, 'short'));
  }

  // ---------------------------------------------------------------- signing articles

  private signingArticle(s: Draft): void {
    const rng = this.rng;
    const w = s.w;
    const P = s.home;
    const Q = this.partner(P);
    const third = rng.chance(0.07) ? this.partner(P, [Q]) : null;
    const date = this.eventDate(s.pub);
    const field = this.field();
    const agreement = this.agreement(P, Q, field, date);
    const a = this.member(P, ['vice', 'vice', 'vice', 'head', 'dean', 'deputy']);
    const b = this.member(Q, ['vice', 'head', 'head', 'dean', 'director']);
    const c = third ? this.member(third, ['head', 'vice']) : null;
    const signers = c ? [a, b, c] : [a, b];
    const headP = this.member(P, a.rank === 'head' ? ['party', 'vice'] : ['head'], [a]);
    const headQ = this.member(Q, b.rank === 'head' ? ['vice', 'party'] : ['head'], [b]);
    const host = this.member(P, ['director', 'deputy', 'dean'], [a, headP]);
    const guest = this.guest(P);
    const others: Person[] = [];
    const orgs = third ? [P, Q, third] : [P, Q];
    const western = !P.chinese;
    const structure = third
      ? rng.pick(['ceremony', 'orgFirst', 'dated'] as const)
      : western
        ? rng.weighted([
            ['west', 50],
            ['orgFirst', 15],
            ['ceremony', 12],
            ['visitDays', 10],
            ['dated', 8],
            ['undated', 5],
          ] as const)
        : rng.weighted([
            ['ceremony', 28],
            ['launch', 10],
            ['delegation', 15],
            ['orgFirst', 13],
            ['dated', 13],
            ['startup', 6],
            ['visitDays', 7],
            ['west', 3],
            ['undated', 4],
          ] as const);
    s.mentionsSigning = true;
    const firstX = this.agreementPhrase(agreement, true);
    let facility = agreement.facility;
    const D = this.phrase(s, date);
    let dateSentence: string | null = null;
    let signDate: Day | null = date;
    let sentence = '';
    const sign = (dated: boolean, lead?: string, first = false) =>
      this.signSentence(
        s,
        signers,
        orgs,
        dated ? D : null,
        agreement,
        first,
        lead,
        dated ? null : [guest, headP, headQ],
      );

    s.title = this.signingTitle(P, Q, agreement, third);

    switch (structure) {
      case 'ceremony':
      case 'startup': {
        const X = firstX;
        if (structure === 'startup') {
          const built = (facility ??= this.newFacility(P, Q, field, 'facility'));
          built.inAgreement = true;
          dateSentence = w.add(
            rng.pick([
              () =>
                `The start-up meeting of the ${built.name} has been held ${D.inner} in ${this.venue(s, P)}.`,
              () =>
                `${D.initial}, the start-up meeting of the ${built.name}, jointly initiated by ${w.org(P)} and ${w.org(Q)}, was held in ${this.venue(s, P)}.`,
            ])(),
            true,
          );
          s.title = rng.pick([
            `Start-up Meeting of the ${facility.name} Held`,
            `Progress in ${titleCase(field)} Collaboration between ${P.acronym ?? P.short} and ${Q.acronym ?? Q.short}`,
          ]);
        } else {
          const parties = third
            ? `${w.org(P)}, ${w.org(Q)} and ${w.org(third)}`
            : `${w.org(P)} and ${w.org(Q)}`;
          dateSentence = w.add(
            rng.pick([
              `${D.initial}, a ceremony for the signing of ${agreement.name ? X : X.replace(/^the /, 'a ')} between ${parties} was held ${rng.pick(PURPOSES)}.`,
              `The signing ceremony of ${X} between ${parties} was held ${D.inner} at ${this.venue(s, P)}.`,
              `${parties} held a signing ceremony for ${X} ${D.inner} at ${this.venue(s, P)}.`,
              `${D.initial}, ${parties} held a cooperation signing ceremony at ${this.venue(s, P)}.`,
            ]),
            true,
          );
        }
        if (rng.chance(0.5)) {
          const lead = rng.pick([
            'At the signing ceremony, ',
            'During the ceremony, ',
            'On behalf of both sides, ',
          ]);
          sentence = w.add(sign(false, lead, structure === 'startup'), true);
        } else {
          w.para();
          this.speeches(s, [headP, headQ], P, Q, field, others);
          w.para();
          sentence = w.add(sign(false, undefined, structure === 'startup'), true);
        }
        break;
      }
      case 'launch': {
        dateSentence = w.add(
          `${D.initial}, the ${rng.pick(['launching ceremony', 'kick-off ceremony', 'opening ceremony'])} of ${rng.pick(['collaboration', 'cooperation', 'the partnership'])} between ${w.org(P)} and ${w.org(Q)} was held at ${this.venue(s, P)}.`,
          true,
        );
        w.para();
        this.speeches(s, [headP, headQ], P, Q, field, others);
        w.para();
        sentence = w.add(sign(false, 'On behalf of both sides, ', true), true);
        facility ??= this.newFacility(P, Q, field, 'facility');
        const [u1, u2] = [this.member(P, ['deputy', 'party', 'director'], signers), guest];
        others.push(u1, u2);
        w.add(
          `${w.person(u1, ['orgTitle', 'app', 'name'])} and ${w.person(u2, ['appOpen', 'name'])} unveiled the nameplate of ${rng.pick(['the ', ''])}${facility.name}.`,
        );
        facility.inAgreement = true;
        break;
      }
      case 'delegation': {
        const leader = headQ;
        others.push(leader);
        const n = rng.int(5, 30);
        const preamble = rng.chance(0.3)
          ? 'At a time when both sides were carrying out in-depth study of the new development concept and gathering strength for high-quality development, '
          : '';
        dateSentence = w.add(
          `${preamble}${w.person(leader, ['lowerApp', 'app', 'orgTitle'])} led ${n} experts to ${w.org(P)} ${D.inner} to hold a signing ceremony.`.replace(
            /,\s+led/,
            ' led',
          ),
          true,
        );
        w.para();
        w.add(
          `At the meeting, ${w.person(host, ['app', 'orgTitle'])} introduced the leaders and experts attending the event.`,
        );
        others.push(host);
        w.add(
          `After watching the introduction video of ${w.org(P)}, ${w.person(this.member(Q, ['vice', 'director'], [b, leader]), ['app', 'hon'])} introduced the ${Q.unit === 'hospital' ? "hospital's" : "institution's"} history, development process and future prospects.`,
        );
        w.para();
        this.speeches(s, [headP, leader], P, Q, field, others);
        w.para();
        sentence = w.add(this.contractSentence(s, a, b, agreement), true);
        break;
      }
      case 'orgFirst': {
        const parties = third
          ? `${w.org(P)}, ${w.org(Q)} and ${w.org(third)}`
          : `${w.org(P)} and ${w.org(Q)}`;
        dateSentence = w.add(
          rng.pick([
            `${D.initial}, ${parties} signed ${firstX} at ${this.venue(s, P)}, ${rng
              .pick(PURPOSES)
              .replace(/^to /, 'aiming to ')
              .replace(/^in order to /, 'aiming to ')}.`,
            `${parties} signed ${firstX} ${D.inner}.`,
          ]),
          true,
        );
        if (rng.chance(0.5)) {
          w.para();
          this.speeches(s, [headP, headQ], P, Q, field, others);
        }
        w.para();
        sentence = w.add(this.onBehalfSentence(s, signers, orgs), true);
        break;
      }
      case 'dated': {
        w.add(
          `${w.org(P)} and ${w.org(Q)} have maintained close cooperation in ${field} since ${s.pub.year - rng.int(2, 12)}.`,
        );
        if (rng.chance(0.3)) {
          // A date that is not the signing date: a preparatory meeting.
          const before = addDays(date, -rng.int(5, 40));
          w.add(
            `${datePhrase(rng, before, w.site.british, false).initial}, the two sides held a preparatory meeting to discuss the details of the cooperation.`,
          );
        }
        w.para();
        sentence = w.add(sign(true, undefined, true), true);
        break;
      }
      case 'visitDays': {
        const leader = headQ;
        others.push(leader);
        const start = addDays(date, -rng.int(1, 2));
        let end = addDays(date, rng.int(1, 2));
        if (compareDays(end, s.pub) > 0) end = s.pub;
        const range =
          start.month === end.month
            ? `From ${monthName(start)} ${start.day} to ${end.day}`
            : `From ${monthName(start)} ${start.day} to ${monthName(end)} ${end.day}`;
        w.add(
          `${range}, a delegation from ${w.org(Q)} led by ${w.person(leader, ['appOpen', 'title', 'name'])} visited ${w.org(P)}.`,
        );
        w.para();
        sentence = w.add(sign(true, undefined, true), true);
        if (compareDays(end, date) > 0 && rng.chance(0.6)) {
          const later = datePhrase(rng, end, w.site.british, false);
          w.add(
            `${later.initial}, the delegation visited ${rng.pick(['the affiliated hospitals', 'the science park', 'several laboratories'])} before leaving.`,
          );
        }
        break;
      }
      case 'west': {
        w.add(`${w.org(P)} has signed ${firstX} with ${w.org(Q)} to ${rng.pick(PURPOSE_VERBS)}.`);
        w.para();
        sentence = w.add(
          rng.pick([
            () =>
              `The agreement was signed ${D.inner} by ${this.list(s, signers, ['title', 'app', 'poss', 'hon'])}${rng.chance(0.5) ? `, during a visit to ${w.org(P, 'short')}` : ''}.`,
            () =>
              `${this.list(s, signers, ['title', 'poss', 'hon', 'name'])} signed the ${agreement.kind === 'mou' ? 'MoU' : 'agreement'} ${D.inner} at ${this.venue(s, P)}.`,
            () =>
              `${D.initial}, ${this.list(s, signers, ['title', 'poss', 'app'])} signed the ${agreement.kind === 'mou' ? 'memorandum' : 'agreement'} in ${this.venue(s, P)}.`,
          ])(),
          true,
        );
        break;
      }
      case 'undated': {
        w.add(
          `${w.org(P)} and ${w.org(Q)} have signed ${firstX} ${rng.pick(['to deepen their cooperation', 'to strengthen exchanges'])} in ${field}.`,
        );
        w.para();
        sentence = w.add(sign(false), true);
        signDate = null;
        break;
      }
    }
    // In these structures the signing sentence carries its own date (or there is none); in the others
    // it carries none and the date is the ceremony's, stated in `dateSentence`.
    if (
      structure === 'dated' ||
      structure === 'visitDays' ||
      structure === 'west' ||
      structure === 'undated'
    ) {
      dateSentence = null;
    }
    const explicitYear = signDate ? D.hasYear : false;
    const dateText = signDate ? D.inner : null;

    // People who were there and did not sign.
    for (const p of [guest, headP, headQ])
      if (sentence.includes(p.name) && !signers.includes(p)) others.push(p);
    w.para();
    this.signingExtras(s, {
      P,
      Q,
      a,
      b,
      headP,
      headQ,
      host,
      guest,
      field,
      agreement,
      facility,
      others,
      signers,
      structure,
    });

    const fact: SigningFact = {
      orgs,
      signers,
      agreement,
      date: signDate,
      explicitYear,
      sentence,
      dateSentence,
      dateText,
      others: [...new Set(others)].filter((p) => !signers.includes(p)),
    };
    s.signings.push(fact);
    if (signDate) {
      s.events.push({
        cls: 'signing',
        subject: null,
        facility: null,
        signing: fact,
        orgs,
        date: signDate,
        explicitYear,
        sentence: dateSentence ?? sentence,
        dateText: dateText ?? '',
        detail: null,
      });
    }
    // Sometimes a second agreement is signed at the same ceremony, with another partner.
    if (!third && structure === 'ceremony' && rng.chance(0.2)) {
      const R = this.partner(P, [Q]);
      const ag2 = this.agreement(P, R, this.field(), date);
      const a2 = this.member(P, ['vice', 'dean', 'deputy'], [a]);
      const b2 = this.member(R, ['vice', 'head']);
      w.para();
      const s2 = w.add(
        `${rng.pick(['At the same ceremony, ', 'In addition, ', 'Also at the ceremony, '])}${w.person(a2, ['orgTitle', 'app', 'name'])} and ${w.person(b2, ['app', 'appOpen', 'orgTitle'])} signed ${this.agreementPhrase(ag2, true)} on behalf of ${w.org(P, 'short')} and ${w.org(R)}.`,
        true,
      );
      const fact2: SigningFact = {
        orgs: [P, R],
        signers: [a2, b2],
        agreement: ag2,
        date,
        explicitYear: D.hasYear,
        sentence: s2,
        dateSentence,
        dateText: D.inner,
        others: [a, b],
      };
      s.signings.push(fact2);
    }
  }

  private signingTitle(P: Org, Q: Org, ag: Agreement, third: Org | null): string {
    const rng = this.rng;
    const p = P.acronym ?? P.short;
    const q = rng.chance(0.5) ? (Q.acronym ?? Q.short) : Q.name;
    const kind = titleCase(
      ag.kindWords.replace('agreement on the joint construction', 'co-construction agreement'),
    );
    if (third) return `${p}, ${Q.acronym ?? Q.short} and ${third.acronym ?? third.short} Sign ${kind}`;
    return rng.pick([
      `${kind} Signed between ${p} and ${q}`,
      `${p} Links ${kind.replace(/Memorandum of Understanding/, 'Cooperation Agreement')} with ${q}`,
      `A ${kind} Signed between ${Q.name} and ${P.name}`,
      `${p} and ${q} Sign ${kind}`,
      `${p} Signs ${ag.kind === 'mou' ? 'MoU' : 'Agreement'} with ${q}`,
      `${p}, ${q} ink deal on ${ag.facility ? ag.facility.name : 'cooperation'}`,
      `${p} and ${q} Join Hands to ${ag.facility ? `Build ${ag.facility.name}` : 'Deepen Cooperation'}`,
      `New partnership with ${Q.name} to boost ${ag.facility?.field ?? 'research'}`,
      `${p} Renews Partnership with ${q}`,
    ]);
  }

  /** "A and B", "A, B and C" in the given styles. */
  private list(s: Draft, people: Person[], styles: Parameters<Writer['person']>[1]): string {
    const refs = people.map((p) => s.w.person(p, styles));
    if (refs.length === 1) return refs[0] ?? '';
    return `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`.replace(/,,/g, ',');
  }

  /** The sentence that names the signers, in one of the forms real releases use. */
  private signSentence(
    s: Draft,
    signers: Person[],
    orgs: Org[],
    D: DatePhrase | null,
    agreement: Agreement,
    first: boolean,
    lead: string | undefined,
    witnesses: Person[] | null,
  ): string {
    const rng = this.rng;
    const w = s.w;
    const X = this.agreementPhrase(agreement, first);
    const on = D ? ` ${D.inner}` : '';
    const start = D && rng.chance(0.5) ? `${D.initial}, ` : (lead ?? '');
    const onIfNotStart = start.startsWith(D?.initial ?? '\u0000') ? '' : on;
    const three = signers.length === 3;
    const group = orgs.every((o) => o.kind === 'university')
      ? three
        ? 'three universities'
        : 'two universities'
      : three
        ? 'three parties'
        : 'two sides';
    const names = (styles: Parameters<Writer['person']>[1]) => this.list(s, signers, styles);
    const forms: (() => string)[] = [
      () => `${start}${names(['orgTitle', 'appOpen', 'name', 'title', 'hon'])} signed ${X}${onIfNotStart}.`,
      () =>
        `${start}${signers.map((p) => `${p.name}, ${w.titleOf(p)}`).join(', ')}, signed ${X} on behalf of the ${group}${onIfNotStart}.`,
      () => `${capital(X)} was signed by ${names(['name', 'hon', 'orgTitle', 'title', 'app'])}${on}.`,
      () =>
        `${start}${names(['orgTitle', 'name', 'hon', 'title'])} inked ${agreement.kind === 'mou' ? X.replace(/^the (?:MoU|memorandum)$/, 'a memorandum of understanding') : X}${onIfNotStart}.`,
      () =>
        `${start}${names(['orgTitle', 'app', 'name'])} signed ${X} on behalf of their respective institutions${onIfNotStart}.`,
      () => `${start}${names(['orgTitle', 'title', 'name', 'hon'])} put pen to paper on ${X}${onIfNotStart}.`,
    ];
    if (!three) {
      forms.push(
        () =>
          `${start}${capital(orgs.map((o) => w.org(o)).join(' and '))} signed ${X}, with ${w.person(signers[0] as Person, ['name', 'hon', 'title'])} signing for ${w.org(orgs[0] as Org, 'short')} and ${w.person(signers[1] as Person, ['name', 'hon', 'title'])} for ${w.org(orgs[1] as Org, 'short')}${onIfNotStart}.`,
        () =>
          `${start}${names(['name', 'title', 'hon'])} signed ${X} on behalf of ${w.org(orgs[0] as Org, 'short')} and ${w.org(orgs[1] as Org, 'short')} respectively${onIfNotStart}.`,
      );
    }
    if (witnesses && !D) {
      const wit = rng.sample(witnesses, rng.int(1, 2)).filter((p) => !signers.includes(p));
      if (wit.length > 0) {
        const wn = () => wit.map((p) => w.person(p, ['name', 'orgTitle', 'title', 'appOpen'])).join(' and ');
        forms.push(
          () => `Witnessed by ${wn()}, ${names(['orgTitle', 'name', 'title'])} signed ${X}.`,
          () => `In the presence of ${wn()}, ${names(['name', 'orgTitle', 'hon'])} signed ${X}.`,
          () =>
            `${capital(X)} was signed by ${names(['name', 'hon', 'orgTitle', 'app'])} in the presence of ${wn()}.`,
        );
      }
    }
    return rng.pick(forms)();
  }

  /** "Afterwards, A, Vice President of P, on behalf of the university, signed a contract with Mr. B, ...". */
  private contractSentence(s: Draft, a: Person, b: Person, agreement: Agreement): string {
    const w = s.w;
    const rng = this.rng;
    const X = agreement.name
      ? `the ${agreement.name}`
      : rng.pick(['a contract', 'a cooperation agreement', 'the agreement']);
    const hon = b.honorific ?? (b.female ? 'Ms.' : 'Mr.');
    return `${rng.pick(['Afterwards, ', 'Subsequently, ', ''])}${a.name}, ${w.titleOf(a)}, on behalf of the ${a.org.unit}, signed ${X} with ${hon} ${b.name}, ${w.titleOf(b)}.`;
  }

  /** After an organisation-level signing: who signed for each side. */
  private onBehalfSentence(s: Draft, signers: Person[], orgs: Org[]): string {
    const rng = this.rng;
    const w = s.w;
    const names = () => this.list(s, signers, ['orgTitle', 'app', 'name', 'title', 'hon']);
    return rng.pick([
      () => `${names()} signed the agreement on behalf of the ${orgs.length === 3 ? 'three' : 'two'} sides.`,
      () => `The agreement was signed by ${this.list(s, signers, ['name', 'hon', 'app', 'title'])}.`,
      () =>
        `${signers.map((p) => `${w.person(p, ['name', 'title', 'hon'])} signed for ${w.org(p.org, 'short')}`).join(', and ')}.`,
    ])();
  }

  private speeches(
    s: Draft,
    speakers: Person[],
    P: Org,
    Q: Org,
    field: string,
    others: Person[],
    signing = true,
  ): void {
    const rng = this.rng;
    const w = s.w;
    for (const speaker of speakers) {
      others.push(speaker);
      const a = speaker.org === P ? w.org(P, 'short') : w.org(Q, 'short');
      const b = speaker.org === P ? w.org(Q, 'short') : w.org(P, 'short');
      if (!w.home.chinese) {
        // Western releases quote their speakers.
        const [q1, q2] = [quoteSentence(rng, field, b), quoteSentence(rng, field, b)];
        const who = w.mentionedBefore(speaker)
          ? w.later(speaker)
          : w.person(speaker, ['app', 'title', 'poss']).replace(/,$/, '');
        w.add(rng.chance(0.5) || q1 === q2 ? `“${q1},” said ${who}.` : `“${q1}. ${q2},” said ${who}.`);
        w.para();
        continue;
      }
      const who = w.person(speaker, ['app', 'orgTitle', 'titleOf', 'lowerApp', 'appOpen']);
      w.add(speechSentence(rng, who.replace(/,$/, ''), speaker.female, a, b, field));
      for (const variant of rng.sample([0, 1, 2, 3, 4], rng.int(0, 2))) {
        w.add(speechFollow(rng, speaker.female, field, signing, variant));
      }
      if (rng.chance(0.3)) {
        const verb = rng.pick([
          signing ? 'addressed a speech at the signing ceremony' : 'addressed a speech at the ceremony',
          'delivered a speech',
          'delivered a speech in the meeting',
          'addressed the ceremony',
        ]);
        w.caption(`${w.person(speaker, ['app', 'titleOf', 'orgTitle']).replace(/,$/, '')} ${verb}`);
      } else w.para();
    }
  }

  private signingExtras(
    s: Draft,
    x: {
      P: Org;
      Q: Org;
      a: Person;
      b: Person;
      headP: Person;
      headQ: Person;
      host: Person;
      guest: Person;
      field: string;
      agreement: Agreement;
      facility: Facility | null;
      others: Person[];
      signers: Person[];
      structure: string;
    },
  ): void {
    const rng = this.rng;
    const w = s.w;
    const extras = rng
      .shuffle([
        'host',
        'witness',
        'quote',
        'figure',
        'plan',
        'visit',
        'background',
        'speech',
        'unveil',
        'content',
        'intro',
      ])
      .slice(0, rng.int(3, 7));
    if (rng.chance(0.5)) extras.push('closing');
    if (!w.home.chinese && rng.chance(0.6)) extras.push('about');
    for (const extra of extras) {
      switch (extra) {
        case 'host':
          if (x.signers.includes(x.host)) break;
          x.others.push(x.host);
          w.add(
            rng.pick([
              () => `The ceremony was hosted by ${w.person(x.host, ['app', 'appOpen', 'name'])}.`,
              () => `${w.person(x.host, ['orgTitle', 'app', 'title'])} presided over the ceremony.`,
              () =>
                `The signing ceremony was presided over by ${w.person(x.host, ['app', 'name', 'orgTitle'])}.`,
            ])(),
          );
          break;
        case 'witness': {
          const wit = [x.headP, x.headQ, x.guest].filter((p) => !x.signers.includes(p));
          if (wit.length === 0) break;
          x.others.push(...wit);
          w.add(
            rng.pick([
              () => `${this.list(s, wit, ['name', 'orgTitle', 'title'])} witnessed the signing.`,
              () => `The signing was witnessed by ${this.list(s, wit, ['name', 'app', 'orgTitle'])}.`,
              () =>
                `Leaders of both sides, including ${this.list(s, wit, ['name', 'title'])}, attended the ceremony and witnessed the signing.`,
            ])(),
          );
          break;
        }
        case 'quote': {
          const speaker = rng.pick([x.headP, x.headQ, x.guest]);
          x.others.push(speaker);
          const pub = s.pub;
          const qd = addDays(pub, -rng.int(20, 200));
          const qp = datePhrase(rng, qd, w.site.british, false);
          const body = w.home.chinese
            ? `“${capital(rng.pick(['the country', 'the city', 'the province']))} has put forward higher requirements for ${x.field}. ${qp.initial}, the ${rng.pick(['ministry', 'municipal government', 'central government'])} urged universities and hospitals to achieve major breakthroughs in key technologies,”`
            : `“${quoteSentence(rng, x.field, w.org(x.Q, 'short'))}. ${qp.initial}, we ${rng.pick(['welcomed their first visiting fellows', 'hosted a joint workshop', 'launched a seed-funding round'])}, and this agreement takes that work further,”`;
          w.para();
          w.add(`${body} said ${w.later(speaker)}.`);
          break;
        }
        case 'figure': {
          const since = s.pub.year - rng.int(2, 10);
          const text = w.add(figureSentence(rng, w.org(x.P, 'short'), since, x.field, x.P.kind), true);
          s.searchable.push(text);
          break;
        }
        case 'plan': {
          const text = w.add(planSentence(rng, x.field, x.facility?.name ?? null), true);
          if (/\b(?:and|,)\b/.test(text)) s.searchable.push(text);
          break;
        }
        case 'visit': {
          const leader = rng.pick([x.headQ, x.b]);
          x.others.push(leader);
          w.para();
          const host = this.member(x.P, ['vice', 'deputy', 'director'], x.signers);
          const text = w.add(
            visitSentence(
              rng,
              w.later(leader),
              leader.female,
              rng.chance(0.5) ? w.person(host, ['name', 'title']) : null,
            ),
            true,
          );
          s.searchable.push(text);
          break;
        }
        case 'background': {
          const year = s.pub.year - rng.int(2, 9);
          w.para();
          if (rng.chance(0.5)) {
            w.add(
              `The two sides first signed a memorandum of understanding in ${year}, and have since co-supervised ${rng.int(4, 60)} doctoral students.`,
            );
          } else {
            const text = w.add(
              `${capital(w.org(x.Q, 'short'))} is ${rng.pick(['a leading', 'one of the largest', 'a comprehensive'])} ${x.Q.unit} in ${x.Q.city}, with ${unitFigure(rng, x.Q)} and strengths in ${this.field()} and ${x.field}.`,
              true,
            );
            s.searchable.push(text);
          }
          break;
        }
        case 'speech': {
          const speaker = rng.pick([x.headP, x.headQ]);
          if (x.signers.includes(speaker) || x.others.includes(speaker)) break;
          w.para();
          this.speeches(s, [speaker], x.P, x.Q, x.field, x.others);
          break;
        }
        case 'content': {
          const [f1, f2] = rng.sample(FIELDS, 2);
          const text = w.add(
            rng.pick([
              () =>
                `Under the agreement, the two sides will cooperate in ${x.field}, ${f1} and ${f2}, jointly apply for research projects and share ${rng.pick(['laboratory facilities', 'clinical data platforms', 'teaching resources'])}.`,
              () =>
                `According to the agreement, ${w.org(x.P, 'short')} will send ${rng.int(5, 40)} students to ${w.org(x.Q, 'short')} every year for ${rng.pick(['internships', 'clinical rotations', 'a semester of study'])} in ${x.field}.`,
              () =>
                `The ${x.agreement.kind === 'mou' ? 'memorandum' : 'agreement'} covers joint research in ${x.field} and ${f1}, staff exchange, and a ${rng.pick(['joint doctoral programme', 'visiting scholar scheme', 'summer school'])} in ${f2}.`,
            ])(),
            true,
          );
          s.searchable.push(text);
          break;
        }
        case 'intro': {
          w.para();
          const text = w.add(
            `Founded in ${rng.int(1896, 1998)}, ${fullNameOf(x.P)} ${rng.pick(['is a key university with', 'has', 'currently has'])} ${rng.int(12, 34)} ${x.P.kind === 'hospital' ? 'clinical departments' : 'schools and colleges'} and ${rng.pick(['national key disciplines in', 'distinctive strengths in', 'leading programmes in'])} ${this.field()} and ${x.field}.`,
            true,
          );
          s.searchable.push(text);
          break;
        }
        case 'closing':
          w.para();
          w.add(
            rng.pick([
              'Leaders of relevant departments of both sides attended the ceremony.',
              'After the ceremony, both sides took a group photo.',
              `The two sides also held a symposium on ${x.field}, at which experts from both sides gave presentations.`,
              'Heads of relevant functional departments and schools attended the signing ceremony.',
              `Both parties agreed to take the signing as a starting point to push cooperation in ${x.field} to a new level.`,
            ]),
          );
          break;
        case 'about': {
          w.para();
          w.add(`About ${x.Q.name}`);
          w.para();
          const text = w.add(
            `${capital(fullNameOf(x.Q))} is ${rng.pick(['a research-intensive', 'a leading', 'a comprehensive', 'an internationally recognised'])} ${x.Q.unit} based in ${x.Q.city}, with more than ${rng.int(2, 45)},000 ${x.Q.kind === 'hospital' ? 'patients treated each year' : x.Q.kind === 'company' ? 'customers worldwide' : 'students'} and ${rng.int(300, 9000)} staff.`,
            true,
          );
          s.searchable.push(text);
          break;
        }
        case 'unveil': {
          if (x.structure === 'launch' || !x.agreement.facility) break;
          const [u1, u2] = [x.headP, x.headQ];
          if (x.signers.includes(u1) || x.signers.includes(u2)) break;
          x.others.push(u1, u2);
          const text = w.add(
            `${w.person(u1, ['name', 'orgTitle', 'title'])} and ${w.person(u2, ['name', 'orgTitle', 'title'])} ${rng.pick(['unveiled the nameplate of', 'jointly inaugurated', 'unveiled the plaque for'])} the ${x.agreement.facility.name}.`,
            true,
          );
          s.searchable.push(text);
          break;
        }
      }
    }
  }

  // ---------------------------------------------------------------- events without signing

  private eventArticle(s: Draft): void {
    // Events without a signing: unveilings, openings, launches, start-up meetings.
    const rng = this.rng;
    const w = s.w;
    const P = s.home;
    let Q: Org | null = rng.chance(0.6) ? this.partner(P) : null;
    let facility: Facility | null = null;
    // A follow-up: a centre agreed in an earlier article opens now.
    if (Q && rng.chance(0.35)) {
      const earlier = this.facilities.get(pairKey(P, Q));
      const pick = earlier && earlier.length > 0 ? rng.pick(earlier) : null;
      if (pick) {
        const pub = addDays(pick.agreedOn, rng.int(90, 600));
        if (compareDays(pub, LAST_DAY) <= 0) {
          facility = pick.facility;
          s.pub = pub;
          Q = pick.facility.partner;
        }
      }
    }
    const field = facility?.field ?? this.field();
    const cls = facility
      ? rng.pick<EventClass>(['unveil', 'open', 'open', 'establish'])
      : rng.weighted<EventClass>([
          ['unveil', 4],
          ['open', 3],
          ['establish', 2],
          ['launch', 2],
          ['startup', 1],
        ]);
    facility ??= this.newFacility(P, Q, field, cls === 'launch' ? 'program' : 'facility');
    const date = this.eventDate(s.pub);
    const D = this.phrase(s, date);
    const F = facility.name;
    const the = /^(?:the )/i.test(F) ? '' : 'the ';
    const headP = this.member(P, ['head']);
    const partyP = this.member(P, ['party', 'vice'], [headP]);
    const headQ = Q ? this.member(Q, ['head', 'vice']) : null;
    const guest = this.guest(P);
    const titleName = rng.chance(0.5) ? F.replace(/Center\b/, 'Centre') : F;
    s.title = rng.pick(
      cls === 'launch'
        ? [
            `${P.acronym ?? P.short} Launches ${titleName}`,
            `${titleName} Officially Launched`,
            `${titleName} Kicks Off at ${P.acronym ?? P.short}`,
          ]
        : cls === 'startup'
          ? [`Start-up Meeting of ${titleName} Held`, `${titleName} Starts Operation`]
          : [
              `${titleName} Unveiled at ${P.acronym ?? P.short}`,
              `${P.acronym ?? P.short} Inaugurates ${titleName}`,
              `Opening Ceremony of ${the}${titleName} Held`,
              `${titleName} Officially Opens`,
              Q
                ? `${P.acronym ?? P.short} and ${Q.acronym ?? Q.short} Jointly Establish ${titleName}`
                : `${titleName} Established`,
            ],
    );

    // A figure of speech or a statistic before the event, as distractors.
    if (rng.chance(0.35)) {
      const text = w.add(
        figureSentence(rng, w.org(P), s.pub.year - rng.int(2, 8), field, P.kind).replace(/^Also, /, ''),
        true,
      );
      s.searchable.push(text);
      w.para();
    }
    const guests = () =>
      `${w.person(guest, ['appOpen', 'name'])} and ${rng.pick(['some leaders of commissions, offices and administrations', 'representatives of partner enterprises', 'experts from home and abroad'])}`;
    let sentence: string;
    switch (cls) {
      case 'unveil':
        sentence = rng.pick([
          () =>
            `${D.initial}, present at the meeting were ${guests()}, who together witnessed the unveiling ceremony of ${the}${F}.`,
          () => `${D.initial}, the unveiling ceremony of ${the}${F} was held at ${this.venue(s, P)}.`,
          () =>
            `${w.person(headP, ['orgTitle', 'app', 'title'])} and ${Q && headQ ? w.person(headQ, ['orgTitle', 'app', 'appOpen']) : w.person(guest, ['appOpen'])} unveiled the plaque of ${the}${F} ${D.inner}.`,
        ])();
        break;
      case 'open':
        sentence = rng.pick([
          () => `${capital(the)}${F} was officially inaugurated ${D.inner} at ${this.venue(s, P)}.`,
          () =>
            `${capital(the)}${F}${Q ? `, jointly built by ${w.org(P)} and ${w.org(Q)},` : ` of ${w.org(P)}`} opened its doors ${D.inner}.`,
          () => `${D.initial}, the opening ceremony of ${the}${F} was held in ${this.venue(s, P)}.`,
        ])();
        break;
      case 'establish':
        sentence = rng.pick([
          () => `${D.initial}, ${w.org(P)} held the establishment conference of ${the}${F}.`,
          () =>
            `${capital(the)}${F} was formally established ${D.inner}${Q ? ` by ${w.org(P)} and ${w.org(Q)}` : ''}.`,
        ])();
        break;
      case 'launch':
        sentence = rng.pick([
          () => `${D.initial}, ${w.org(P)} launched ${the}${F}${Q ? ` together with ${w.org(Q)}` : ''}.`,
          () => `The launching ceremony of ${the}${F} was held ${D.inner} at ${this.venue(s, P)}.`,
        ])();
        break;
      default:
        sentence = `The start-up meeting of ${the}${F} has been held ${D.inner} in ${this.venue(s, P)}.`;
    }
    sentence = w.add(sentence, true);
    s.events.push({
      cls,
      subject: F,
      facility,
      signing: null,
      orgs: Q ? [P, Q] : [P],
      date,
      explicitYear: D.hasYear,
      sentence,
      dateText: D.inner,
      detail: null,
    });
    s.negatives.push({ facility, sentence, cls });
    w.para();
    if (Q && rng.chance(0.5)) {
      w.add(
        `${w.org(P)} and ${w.org(Q)} jointly initiated the establishment of ${the}${F}, in order to ${rng.pick(['solve the problems raised by doctors in clinical practice through interdisciplinary integration', 'promote the transformation of research results', 'serve the needs of regional development'])}.`,
      );
    }
    // Distractors: a figure of speech, a plan, a quoted date.
    const distractors = rng
      .shuffle(['speech', 'figure', 'plan', 'quote', 'visit', 'history'])
      .slice(0, rng.int(2, 4));
    for (const d of distractors) {
      w.para();
      switch (d) {
        case 'speech':
          this.speeches(s, headQ && Q ? [headP, headQ] : [headP], P, Q ?? P, field, [], false);
          break;
        case 'figure': {
          const text = w.add(
            rng.pick([
              `The ${F.replace(/^the /i, '')} has unveiled a new path for ${field} in ${P.city}.`,
              `It was reported that ${the}${F} will comprehensively manage procedures including design, R&D, testing and accreditation in ${field}.`,
              `${capital(the)}${F} covers an area of ${rng.int(800, 12000)} square meters and houses ${rng.int(3, 30)} research teams.`,
            ]),
            true,
          );
          s.searchable.push(text);
          break;
        }
        case 'plan':
          w.add(planSentence(rng, field, F));
          break;
        case 'quote': {
          const qd = addDays(date, -rng.int(2, 60));
          const qp = datePhrase(rng, qd, w.site.british, false);
          w.add(
            `“${capital(rng.pick(['scientific and technological development must target the global science frontiers', 'we must serve the major needs of the country and the health of the people']))}. ${qp.initial}, ${rng.pick(['the leadership', 'the ministry', 'the committee'])} urged the achievement of major innovations in ${field},” said ${w.person(partyP, ['app', 'name', 'orgTitle']).replace(/,$/, '')}.`,
          );
          break;
        }
        case 'visit': {
          const text = w.add(
            visitSentence(rng, w.later(guest), guest.female, w.person(headP, ['name', 'title'])),
            true,
          );
          s.searchable.push(text);
          break;
        }
        case 'history': {
          if (facility.inAgreement && Q) {
            s.mentionsSigning = true;
            w.add(
              `The two sides signed an agreement on the joint construction of the ${F.replace(/^the /i, '')} in ${s.pub.year - 1}.`,
            );
          } else {
            const text = w.add(
              `Led by ${w.person(this.member(P, ['dean', 'director']), ['name', 'hon'])}, the team of ${rng.int(12, 90)} researchers will focus on ${field} and ${this.field()}.`,
              true,
            );
            s.searchable.push(text);
          }
          break;
        }
      }
    }
  }

  private visitArticle(s: Draft): void {
    const rng = this.rng;
    const w = s.w;
    const P = s.home;
    const Q = this.partner(P);
    const leader = this.member(Q, ['head', 'vice']);
    const host = this.member(P, ['head', 'vice']);
    const field = this.field();
    const date = this.eventDate(s.pub);
    const D = this.phrase(s, date);
    s.title = rng.pick([
      `${Q.acronym ?? Q.short} Delegation Visits ${P.acronym ?? P.short}`,
      `Delegation from ${Q.name} Visits ${P.acronym ?? P.short}`,
      `${P.acronym ?? P.short} Receives Visitors from ${Q.acronym ?? Q.short}`,
    ]);
    const sentence = w.add(
      rng.pick([
        () =>
          `${D.initial}, a delegation led by ${w.person(leader, ['appOpen', 'orgTitle', 'title'])} visited ${w.org(P)}.`,
        () =>
          `${w.person(leader, ['orgTitle', 'app'])} led a delegation to ${w.org(P)} ${D.inner} for an exchange visit.`.replace(
            /,\s+led/,
            ' led',
          ),
        () =>
          `${D.initial}, ${w.person(host, ['orgTitle', 'app'])} met with a delegation from ${w.org(Q)} led by ${w.person(leader, ['name', 'title'])}.`.replace(
            /,\s+met/,
            ' met',
          ),
      ])(),
      true,
    );
    s.events.push({
      cls: 'visit',
      subject: null,
      facility: null,
      signing: null,
      orgs: [Q, P],
      date,
      explicitYear: D.hasYear,
      sentence,
      dateText: D.inner,
      detail: null,
    });
    w.para();
    this.speeches(s, [host, leader], P, Q, field, [], false);
    w.para();
    const text = w.add(
      `The two sides exchanged views on ${rng.pick(['cooperation in', 'joint research in', 'student exchange and'])} ${field}, ${this.field()} and ${this.field()}.`,
      true,
    );
    s.searchable.push(text);
    if (rng.chance(0.5)) {
      w.add('Both sides expressed the hope to sign a cooperation agreement in the near future.');
      s.mentionsSigning = true;
    }
    w.para();
    const v = w.add(
      visitSentence(rng, w.later(leader), leader.female, w.person(host, ['name', 'title'])),
      true,
    );
    s.searchable.push(v);
  }

  private researchArticle(s: Draft): void {
    const rng = this.rng;
    const w = s.w;
    const P = s.home;
    const Q = this.partner(P);
    const field = this.field();
    const lead = this.member(P, ['dean', 'director', 'vice']);
    const n = rng.int(40, 4800);
    const journal = rng.pick(JOURNALS);
    const technique = rng.pick([
      'imaging method',
      'blood test',
      'wearable sensor',
      'machine-learning model',
      'surgical robot',
      'biomaterial',
      'screening tool',
      'drug-delivery system',
    ]);
    const benefit = rng.pick([
      'detect disease earlier',
      'cut waiting times',
      'reduce side effects',
      'improve recovery after surgery',
      'personalise treatment',
      'lower costs for hospitals',
    ]);
    s.title = rng.pick([
      `${P.acronym ?? P.short} Researchers Develop New ${titleCase(technique)} for ${titleCase(field)}`,
      `New ${titleCase(technique)} Could Help Doctors ${titleCase(benefit)}`,
      `Study Shows ${titleCase(technique)} May ${titleCase(benefit)}`,
    ]);
    const sentences = [
      w.add(
        `Researchers at ${w.org(P)} have developed a new ${technique} that could ${benefit}, according to a study published in ${journal}.`,
        true,
      ),
      w.add(
        `The study involved ${n} ${rng.pick(['patients', 'participants', 'volunteers'])} at ${rng.int(2, 24)} ${rng.pick(['hospitals', 'clinics', 'sites'])} in ${Q.city}.`,
        true,
      ),
    ];
    w.para();
    const { his } = pronoun(lead.female);
    sentences.push(
      w.add(
        `Lead author ${w.person(lead, ['app', 'hon', 'title'])} said the ${technique} ${rng.pick(['performed better than expected', 'was accurate in more than nine out of ten cases', 'could be used in routine care within five years'])}.`.replace(
          /,\s+said/,
          ' said',
        ),
        true,
      ),
    );
    w.add(`“${quoteSentence(rng, field, w.org(Q, 'short'))},” ${pronoun(lead.female).he} said.`);
    w.para();
    sentences.push(
      w.add(
        `The research was funded by ${rng.pick(FUNDERS)} and carried out in collaboration with ${w.org(Q)}${rng.chance(0.5) ? `, with ${his} colleagues in ${this.field()}` : ''}.`,
        true,
      ),
    );
    s.searchable.push(...sentences);
    if (rng.chance(0.6)) {
      const date = this.eventDate(s.pub);
      const D = this.phrase(s, date);
      const conference = rng.pick(CONFERENCES);
      w.para();
      const sentence = w.add(
        `The team presented the findings at the ${conference} ${rng.chance(0.5) ? `in ${Q.city} ` : ''}${D.inner}.`,
        true,
      );
      s.events.push({
        cls: 'present',
        subject: conference,
        facility: null,
        signing: null,
        orgs: [P],
        date,
        explicitYear: D.hasYear,
        sentence,
        dateText: D.inner,
        detail: `${technique} findings`,
      });
    }
    if (rng.chance(0.4)) {
      w.para();
      w.add(
        `The team plans to launch a larger trial next year, and will explore the establishment of a ${field} registry.`,
      );
    }
  }
}

interface Draft {
  w: Writer;
  home: Org;
  pub: Day;
  title: string;
  signings: SigningFact[];
  events: EventFact[];
  negatives: NegativeFact[];
  searchable: string[];
  mentionsSigning: boolean;
}

/** "12 clinical departments", "a population of 820,000": a figure that suits the kind of organisation. */
function unitFigure(rng: Random, o: Org): string {
  switch (o.kind) {
    case 'hospital':
      return `${rng.int(8, 40)} clinical departments`;
    case 'company':
      return `${rng.int(2, 30)} production lines`;
    case 'district':
      return `a population of ${rng.int(180, 1900)},000`;
    case 'institute':
      return `${rng.int(3, 25)} research divisions`;
    default:
      return `${rng.int(8, 36)} schools and research centres`;
  }
}

function pairKey(a: Org, b: Org): string {
  return a.id < b.id ? `${a.id}-${b.id}` : `${b.id}-${a.id}`;
}

function adjective(o: Org): string {
  switch (o.region) {
    case 'uk':
      return 'British';
    case 'us':
      return 'American';
    case 'au':
      return 'Australian';
    case 'de':
      return 'German';
    default:
      return 'Foreign';
  }
}

function token(rng: Random, length: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';
  let out = '';
  for (let i = 0; i < length; i++) out += chars[rng.int(0, chars.length - 1)];
  return out;
}
