/**
 * The world the generated articles report on: organisations (universities, hospitals, district governments,
 * companies, institutes) with their names, acronyms and staff, the sites that publish news about them, and
 * the partnerships between them. Articles share this world, so the same partners and people recur across
 * articles and years, as they do in a real corpus.
 */
import type { DateLineStyle } from './dates.ts';
import {
  AU_PLACES,
  BRANDS,
  CN_CITIES,
  CN_GIVEN_FIRST,
  CN_GIVEN_SECOND,
  CN_GIVEN_SINGLE,
  CN_PROVINCES,
  CN_SURNAMES,
  DE_CITIES,
  DE_FIRST_FEMALE,
  DE_FIRST_MALE,
  DE_SURNAMES,
  DEPARTMENTS,
  FIELDS,
  INDUSTRIES,
  OTHER_PLACES,
  PINYIN_A,
  PINYIN_B,
  UK_TOWNS,
  US_PLACES,
  US_TOWNS,
  WEST_FIRST_FEMALE,
  WEST_FIRST_MALE,
  WEST_SURNAMES,
} from './lists.ts';
import type { Random } from '../../src/bench/random.ts';

export type Region = 'cn' | 'uk' | 'us' | 'au' | 'de' | 'other';
export type OrgKind = 'university' | 'hospital' | 'district' | 'company' | 'institute';
export type Rank = 'head' | 'vice' | 'party' | 'deputy' | 'dean' | 'director';

export interface Person {
  /** The name as gold answers give it: "Liu Ping", "Jenny Watling". */
  name: string;
  /** The family name, for "Professor Watling", "President Ding". */
  surname: string;
  female: boolean;
  western: boolean;
  /** "Prof.", "Professor", "Dr.", "Prof. Dr."; null when the person is not addressed by an academic title. */
  honorific: string | null;
  /** "Vice President", "Dean of the School of Medicine". */
  title: string;
  /** True when the title reads as "{title} of {org}"; false for titles that already say where ("Secretary of the CPC District Committee"). */
  titleTakesOrg: boolean;
  rank: Rank;
  org: Org;
}

export interface Org {
  id: number;
  kind: OrgKind;
  region: Region;
  /** The full name, without a leading "the": "University of Shanghai for Science and Technology". */
  name: string;
  /** True when running text puts "the" before the full name. */
  the: boolean;
  acronym: string | null;
  /** The short name used after the first mention: "Gongli Hospital", "Qingpu District", "Eastbridge". */
  short: string;
  /** True when the short name takes "the" ("the Hospital"). */
  shortThe: boolean;
  /** Names a user might type for the organisation: short forms and partial names. Unique in the world. */
  aliases: string[];
  city: string;
  /** "university", "hospital", "district", "company", "institute": for "on behalf of the university". */
  unit: string;
  people: Person[];
  /** Whether the organisation writes English in the translated style of Chinese sites. */
  chinese: boolean;
  site: Site | null;
  /** Organisations this one has cooperated with, most frequent first. */
  partners: Org[];
}

/** The template of a news site: how its pages start and end. */
export interface Site {
  breadcrumbs: string[];
  /** Date-line shapes the site uses; an empty list means pages carry no date line. */
  dateStyles: DateLineStyle[];
  bylines: string[];
  /** "link": "Link of the original article: ..."; "source": "Source: ..."; null: none. */
  sourceLine: 'link' | 'source' | null;
  sourceHost: string;
  footers: string[][];
  /** Probability that a page is a Markdown file. */
  markdown: number;
  /** Probability that a sentence carries no-break spaces. */
  nbsp: number;
  /** Day-month order in running text ("on 12 March"). */
  british: boolean;
}

export interface World {
  orgs: Org[];
  /** Organisations that publish news, each with a site. */
  publishers: Org[];
}

/** Builds a world sized for `articles` articles. */
export function buildWorld(rng: Random, articles: number): World {
  const builder = new WorldBuilder(rng);
  const orgCount = Math.max(60, Math.min(2500, Math.round(articles / 5)));
  const publisherCount = Math.max(8, Math.min(220, Math.round(articles / 45)));
  const orgs: Org[] = [];
  for (let i = 0; i < orgCount; i++) {
    const org = builder.org(i < publisherCount);
    if (org) orgs.push(org);
  }
  builder.finishAliases(orgs);
  const publishers = orgs.slice(0, publisherCount);
  // Every seventh site reposts from WeChat without a date line.
  publishers.forEach((org, i) => (org.site = builder.site(org, i % 7 === 3)));
  for (const org of publishers) {
    const count = rng.int(4, 14);
    const pool = orgs.filter((o) => o !== org);
    const partners: Org[] = [];
    while (partners.length < count) {
      const candidate = rng.chance(0.3) ? rng.pick(publishers) : rng.pick(pool);
      if (candidate !== org && !partners.includes(candidate) && acceptablePartner(org, candidate))
        partners.push(candidate);
    }
    org.partners = partners;
  }
  return { orgs, publishers };
}

/** Districts and companies partner with universities and hospitals, not with each other. */
function acceptablePartner(a: Org, b: Org): boolean {
  const minor = (o: Org) => o.kind === 'district' || o.kind === 'company';
  return !(minor(a) && minor(b));
}

interface RoleSpec {
  title: string;
  rank: Rank;
  takesOrg?: boolean;
}

class WorldBuilder {
  private readonly names = new Set<string>();
  private readonly acronyms = new Set<string>();
  private readonly people = new Set<string>();
  private nextId = 0;

  constructor(private readonly rng: Random) {}

  org(publisher: boolean): Org | null {
    const rng = this.rng;
    for (let attempt = 0; attempt < 30; attempt++) {
      const region: Region = publisher
        ? rng.weighted<Region>([
            ['cn', 7],
            ['uk', 1],
            ['us', 1],
            ['au', 1],
            ['de', 0.5],
          ])
        : rng.weighted<Region>([
            ['cn', 6],
            ['uk', 1.2],
            ['us', 1.2],
            ['au', 1],
            ['de', 1],
            ['other', 1],
          ]);
      const kind: OrgKind = publisher
        ? rng.weighted<OrgKind>([
            ['university', 6],
            ['hospital', 3],
          ])
        : region === 'cn'
          ? rng.weighted<OrgKind>([
              ['university', 4],
              ['hospital', 4],
              ['district', 2],
              ['company', 2],
              ['institute', 1.5],
            ])
          : rng.weighted<OrgKind>([
              ['university', 5],
              ['hospital', 2],
              ['company', 1.5],
              ['institute', 1],
            ]);
      const shape = this.shape(region, kind);
      if (!shape || this.names.has(shape.name.toLowerCase())) continue;
      this.names.add(shape.name.toLowerCase());
      let acronym = shape.acronym;
      if (acronym && this.acronyms.has(acronym)) acronym = null;
      if (acronym) this.acronyms.add(acronym);
      const org: Org = {
        id: this.nextId++,
        kind,
        region,
        name: shape.name,
        the: shape.the,
        acronym,
        short: shape.short,
        shortThe: shape.shortThe ?? false,
        aliases: shape.aliases,
        city: shape.city,
        unit: kind,
        people: [],
        chinese: region === 'cn',
        site: null,
        partners: [],
      };
      org.people = this.staff(org);
      return org;
    }
    return null;
  }

  /** Keeps only the aliases that name one organisation: not part of another organisation's names. */
  finishAliases(orgs: Org[]): void {
    const names = new OrgNames(orgs);
    for (const org of orgs) {
      org.aliases = [...new Set([org.short, ...org.aliases])].filter(
        (alias) =>
          alias.length >= 4 && alias.toLowerCase() !== org.name.toLowerCase() && names.unique(org, alias),
      );
    }
  }

  private shape(
    region: Region,
    kind: OrgKind,
  ): {
    name: string;
    the: boolean;
    acronym: string | null;
    short: string;
    shortThe?: boolean;
    aliases: string[];
    city: string;
  } | null {
    const rng = this.rng;
    const pinyin = () => rng.pick(PINYIN_A) + rng.pick(PINYIN_B);
    if (region === 'cn') {
      const city = rng.pick(CN_CITIES);
      const province = rng.pick(CN_PROVINCES);
      switch (kind) {
        case 'university': {
          const form = rng.int(0, 13);
          const place = form % 3 === 2 ? province : city;
          const names = [
            [`University of ${place} for Science and Technology`, true],
            [`${place} University of Engineering and Technology`, false],
            [`${place} University of Science and Technology`, false],
            [`${place} Jiaotong University`, false],
            [`${place} Normal University`, false],
            [`${place} Medical University`, false],
            [`${place} University of Technology`, false],
            [`${place} University of Traditional Chinese Medicine`, false],
            [`${place} Institute of Technology`, false],
            [`${place} Polytechnic University`, false],
            [`${place} University`, false],
            [`${place} Ocean University`, false],
            [`${place} University of Finance and Economics`, false],
            [`${place} Agricultural University`, false],
          ] as const;
          const [name, the] = names[form] ?? names[0];
          const acronym = rng.chance(0.8) ? initials(name) : null;
          const short = acronym ?? name;
          const aliases = form === 0 ? [] : [name.replace(/ University$/, '')];
          return { name, the, acronym, short, aliases, city: place };
        }
        case 'hospital': {
          const form = rng.weighted([
            [0, 5],
            [1, 1],
            [2, 1.5],
            [3, 1],
            [4, 1],
            [5, 1],
            [6, 0.7],
            [7, 1],
          ]);
          const p = pinyin();
          const nth = rng.pick([
            'First',
            'Second',
            'Third',
            'Fourth',
            'Fifth',
            'Sixth',
            'Seventh',
            'Ninth',
            'Tenth',
          ]);
          switch (form) {
            case 0:
              return {
                name: `${city} ${p} Hospital`,
                the: false,
                acronym: null,
                short: `${p} Hospital`,
                aliases: [p],
                city,
              };
            case 1:
              return {
                name: `${city} General Hospital`,
                the: false,
                acronym: rng.chance(0.4) ? initials(`${city} General Hospital`) : null,
                short: `${city} General Hospital`,
                aliases: [`${city} General`],
                city,
              };
            case 2:
              return {
                name: `${city} ${nth} People's Hospital`,
                the: false,
                acronym: null,
                short: `${nth} People's Hospital`,
                aliases: [`${city} ${nth} Hospital`],
                city,
              };
            case 3:
              return {
                name: `${city} Children's Hospital`,
                the: false,
                acronym: null,
                short: `${city} Children's Hospital`,
                aliases: [],
                city,
              };
            case 4:
              return {
                name: `${p} Hospital of Traditional Chinese Medicine`,
                the: false,
                acronym: null,
                short: `${p} Hospital`,
                aliases: [`${p} TCM Hospital`],
                city,
              };
            case 5:
              return {
                name: `${city} Cancer Hospital`,
                the: false,
                acronym: null,
                short: `${city} Cancer Hospital`,
                aliases: [],
                city,
              };
            case 6: {
              const uni = `${city} Medical University`;
              return {
                name: `${nth} Affiliated Hospital of ${uni}`,
                the: true,
                acronym: null,
                short: `${nth} Affiliated Hospital`,
                shortThe: true,
                aliases: [`${uni} ${nth} Affiliated Hospital`],
                city,
              };
            }
            default:
              return {
                name: `${p} Hospital Affiliated to ${city} University`,
                the: false,
                acronym: null,
                short: `${p} Hospital`,
                aliases: [p],
                city,
              };
          }
        }
        case 'district': {
          const p = pinyin();
          const form = rng.weighted([
            [0, 5],
            [1, 1.5],
            [2, 1],
          ]);
          if (form === 0) {
            return {
              name: `${p} District People's Government`,
              the: true,
              acronym: null,
              short: `${p} District`,
              aliases: [p, `${p} District Government`],
              city,
            };
          }
          if (form === 1) {
            return {
              name: `${p} County People's Government`,
              the: true,
              acronym: null,
              short: `${p} County`,
              aliases: [p],
              city,
            };
          }
          return {
            name: `${p} Economic and Technological Development Zone`,
            the: true,
            acronym: null,
            short: `${p} Development Zone`,
            aliases: [p, `${p} Zone`],
            city,
          };
        }
        case 'company': {
          const brand = rng.pick(BRANDS.slice(0, 10)) + (rng.chance(0.5) ? '' : rng.pick(PINYIN_B));
          const industry = rng.pick(INDUSTRIES);
          const suffix = rng.pick(['Co., Ltd', 'Co., Ltd', 'Group Co., Ltd', 'Holdings Limited']);
          return {
            name: `${city} ${brand} ${industry} ${suffix}`,
            the: false,
            acronym: null,
            short: brand,
            aliases: [`${brand} ${industry}`],
            city,
          };
        }
        case 'institute': {
          const field = titleCase(rng.pick(FIELDS));
          const form = rng.int(0, 2);
          const name =
            form === 0
              ? `${city} Institute of ${field}`
              : form === 1
                ? `${city} Academy of ${field}`
                : `${city} Research Institute of ${field}`;
          return {
            name,
            the: false,
            acronym: rng.chance(0.5) ? initials(name) : null,
            short: name,
            aliases: [],
            city,
          };
        }
      }
    }
    // Organisations outside China.
    const surname = rng.pick(WEST_SURNAMES).replace(/'/g, '');
    if (kind === 'company') {
      const brand = rng.pick(BRANDS.slice(10));
      const industry = rng.pick(INDUSTRIES);
      const suffix =
        region === 'de'
          ? 'GmbH'
          : region === 'us'
            ? rng.pick(['LLC', 'Corporation'])
            : rng.pick(['Ltd', 'Pty Ltd', 'plc', 'Limited']);
      return {
        name: `${brand} ${industry} ${suffix}`,
        the: false,
        acronym: null,
        short: brand,
        aliases: [`${brand} ${industry}`],
        city:
          region === 'de' ? rng.pick(DE_CITIES) : region === 'au' ? rng.pick(AU_PLACES) : rng.pick(US_TOWNS),
      };
    }
    if (kind === 'institute') {
      const field = titleCase(rng.pick(FIELDS));
      const place =
        region === 'de' ? rng.pick(DE_CITIES) : region === 'us' ? rng.pick(US_TOWNS) : rng.pick(UK_TOWNS);
      const name = rng.chance(0.5)
        ? `${surname} Institute for ${field}`
        : `${place} Institute for ${field} Research`;
      return {
        name,
        the: true,
        acronym: rng.chance(0.5) ? initials(name) : null,
        short: name,
        aliases: [],
        city: place,
      };
    }
    switch (region) {
      case 'uk': {
        const town = rng.pick(UK_TOWNS);
        if (kind === 'hospital') {
          const form = rng.int(0, 3);
          if (form === 0)
            return {
              name: `${town} General Hospital`,
              the: false,
              acronym: null,
              short: `${town} General`,
              aliases: [],
              city: town,
            };
          if (form === 1)
            return {
              name: `Royal ${town} Infirmary`,
              the: true,
              acronym: null,
              short: 'Infirmary',
              shortThe: true,
              aliases: [`${town} Infirmary`],
              city: town,
            };
          if (form === 2)
            return {
              name: `${town} Teaching Hospitals NHS Foundation Trust`,
              the: false,
              acronym: null,
              short: 'the Trust',
              aliases: [`${town} Teaching Hospitals`],
              city: town,
            };
          return {
            name: `${town} Children's Hospital`,
            the: false,
            acronym: null,
            short: `${town} Children's`,
            aliases: [],
            city: town,
          };
        }
        const form = rng.int(0, 3);
        const name = [
          `University of ${town}`,
          `${town} University`,
          `${town} Metropolitan University`,
          `${town} Institute of Technology`,
        ][form] as string;
        return {
          name,
          the: form === 0,
          acronym: rng.chance(0.5) ? initials(name) : null,
          short: form === 0 ? town : name,
          aliases: form === 2 ? [`${town} Met`] : [],
          city: town,
        };
      }
      case 'us': {
        if (kind === 'hospital') {
          const town = rng.pick(US_TOWNS);
          const form = rng.int(0, 2);
          if (form === 0)
            return {
              name: `${surname} Medical Center`,
              the: false,
              acronym: null,
              short: `${surname} Medical`,
              aliases: [],
              city: town,
            };
          if (form === 1)
            return {
              name: `${town} Memorial Hospital`,
              the: false,
              acronym: null,
              short: `${town} Memorial`,
              aliases: [],
              city: town,
            };
          return {
            name: `${rng.pick(US_PLACES)} Children's Hospital`,
            the: false,
            acronym: null,
            short: "Children's",
            aliases: [],
            city: town,
          };
        }
        const state = rng.pick(US_PLACES);
        const town = rng.pick(US_TOWNS);
        const form = rng.int(0, 3);
        const name = [
          `University of ${state}`,
          `${state} State University`,
          `${surname} University`,
          `${town} Institute of Technology`,
        ][form] as string;
        return {
          name,
          the: form === 0,
          acronym: rng.chance(0.6) ? initials(name) : null,
          short: form === 1 ? `${state} State` : name,
          aliases: [],
          city: form >= 2 ? town : state,
        };
      }
      case 'au': {
        const city = rng.pick(AU_PLACES);
        if (kind === 'hospital') {
          return rng.chance(0.5)
            ? {
                name: `Royal ${city} Hospital`,
                the: true,
                acronym: null,
                short: `Royal ${city}`,
                aliases: [],
                city,
              }
            : {
                name: `${city} Hospital and Health Service`,
                the: false,
                acronym: null,
                short: `${city} Health`,
                aliases: [],
                city,
              };
        }
        const form = rng.int(0, 2);
        const name = [`University of ${city}`, `${city} University of Technology`, `${city} University`][
          form
        ] as string;
        return {
          name,
          the: form === 0,
          acronym: rng.chance(0.7) ? initials(name) : null,
          short: name,
          aliases: [],
          city,
        };
      }
      case 'de': {
        const city = rng.pick(DE_CITIES);
        if (kind === 'hospital')
          return {
            name: `University Hospital ${city}`,
            the: false,
            acronym: null,
            short: `University Hospital ${city}`,
            aliases: [],
            city,
          };
        const form = rng.int(0, 2);
        if (form === 0)
          return {
            name: `Technische Universität ${city}`,
            the: false,
            acronym: `TU ${city}`,
            short: `TU ${city}`,
            aliases: [`Technical University of ${city}`],
            city,
          };
        const name = form === 1 ? `University of ${city}` : `${city} University of Applied Sciences`;
        return { name, the: form === 1, acronym: null, short: form === 1 ? city : name, aliases: [], city };
      }
      default: {
        const [city, country] = rng.pick(OTHER_PLACES);
        if (kind === 'hospital')
          return {
            name: `${city} University Hospital`,
            the: false,
            acronym: null,
            short: `${city} University Hospital`,
            aliases: [],
            city: `${city}, ${country}`,
          };
        const form = rng.int(0, 2);
        const name = [
          `University of ${city}`,
          `${city} University`,
          `${city} Institute of Science and Technology`,
        ][form] as string;
        return {
          name,
          the: form === 0,
          acronym: rng.chance(0.4) ? initials(name) : null,
          short: name,
          aliases: [],
          city: `${city}, ${country}`,
        };
      }
    }
  }

  private staff(org: Org): Person[] {
    const rng = this.rng;
    const field = () => titleCase(rng.pick(FIELDS));
    let roles: RoleSpec[];
    const western = !org.chinese;
    if (org.kind === 'university') {
      if (org.region === 'cn') {
        roles = [
          { title: 'President', rank: 'head' },
          { title: 'Vice President', rank: 'vice' },
          { title: 'Vice President', rank: 'vice' },
          { title: 'Vice President', rank: 'vice' },
          { title: 'Secretary of the Party Committee', rank: 'party' },
          { title: 'Deputy Secretary of the Party Committee', rank: 'deputy' },
          { title: `Dean of the School of ${field()}`, rank: 'dean' },
          { title: `Dean of the School of ${field()}`, rank: 'dean' },
          { title: 'Director of the International Exchange and Cooperation Office', rank: 'director' },
          { title: 'Director of the Science and Technology Office', rank: 'director' },
        ];
      } else if (org.region === 'de') {
        roles = [
          { title: rng.pick(['Rector', 'President']), rank: 'head' },
          { title: 'Vice-Rector for International Affairs', rank: 'vice' },
          { title: 'Vice-President for Research', rank: 'vice' },
          { title: `Dean of the Faculty of ${field()}`, rank: 'dean' },
          { title: 'Head of the International Office', rank: 'director' },
        ];
      } else if (org.region === 'us') {
        roles = [
          { title: 'President', rank: 'head' },
          { title: 'Provost', rank: 'vice' },
          { title: 'Vice President for Research', rank: 'vice' },
          { title: 'Vice Provost for Global Engagement', rank: 'vice' },
          { title: `Dean of the College of ${field()}`, rank: 'dean' },
          { title: 'Director of International Programs', rank: 'director' },
        ];
      } else {
        roles = [
          {
            title: rng.pick(['Vice-Chancellor', 'President and Vice-Chancellor', 'Vice-Chancellor']),
            rank: 'head',
          },
          { title: 'Deputy Vice-Chancellor (Research)', rank: 'vice' },
          { title: 'Pro Vice-Chancellor (International)', rank: 'vice' },
          { title: `Dean of the Faculty of ${field()}`, rank: 'dean' },
          { title: 'Director of Global Partnerships', rank: 'director' },
        ];
      }
    } else if (org.kind === 'hospital') {
      roles = org.chinese
        ? [
            { title: rng.pick(['President', 'Dean']), rank: 'head' },
            { title: 'Vice President', rank: 'vice' },
            { title: 'Vice President', rank: 'vice' },
            { title: 'Secretary of the CPC Committee', rank: 'party' },
            { title: `Director of the Department of ${rng.pick(DEPARTMENTS)}`, rank: 'dean' },
            { title: 'Director of the Medical Affairs Office', rank: 'director' },
          ]
        : [
            { title: 'Chief Executive', rank: 'head' },
            { title: 'Medical Director', rank: 'vice' },
            { title: 'Chief Medical Officer', rank: 'vice' },
            { title: 'Director of Research and Innovation', rank: 'director' },
            { title: `Head of ${rng.pick(DEPARTMENTS)}`, rank: 'dean' },
          ];
    } else if (org.kind === 'district') {
      roles = [
        { title: rng.pick(['Mayor', 'Governor', 'Mayor']), rank: 'head' },
        { title: 'Deputy Mayor', rank: 'vice' },
        { title: 'Secretary of the CPC District Committee', rank: 'party', takesOrg: false },
        {
          title: 'Director of the District Science and Technology Commission',
          rank: 'director',
          takesOrg: false,
        },
      ];
    } else if (org.kind === 'company') {
      roles = [
        { title: 'Chairman', rank: 'head' },
        { title: rng.pick(['General Manager', 'CEO']), rank: 'vice' },
        { title: 'Chief Technology Officer', rank: 'director' },
      ];
    } else {
      roles = [
        { title: 'Director', rank: 'head' },
        { title: 'Deputy Director', rank: 'vice' },
        { title: 'Chief Scientist', rank: 'director' },
      ];
    }
    return roles.map((role) => this.person(org, role, western));
  }

  private person(org: Org, role: RoleSpec, western: boolean): Person {
    const rng = this.rng;
    for (;;) {
      const female = rng.chance(0.35);
      let given: string;
      let surname: string;
      let name: string;
      if (!western || (org.region !== 'de' && rng.chance(0.06))) {
        surname = rng.pick(CN_SURNAMES);
        given = rng.chance(0.35)
          ? rng.pick(CN_GIVEN_SINGLE)
          : rng.pick(CN_GIVEN_FIRST) + rng.pick(CN_GIVEN_SECOND);
        // Chinese staff of Western universities are often written given name first.
        name = western && rng.chance(0.5) ? `${given} ${surname}` : `${surname} ${given}`;
      } else if (org.region === 'de' && rng.chance(0.85)) {
        given = rng.pick(female ? DE_FIRST_FEMALE : DE_FIRST_MALE);
        surname = rng.pick(DE_SURNAMES);
        name = `${given} ${surname}`;
      } else {
        given = rng.pick(female ? WEST_FIRST_FEMALE : WEST_FIRST_MALE);
        surname = rng.pick(WEST_SURNAMES);
        name = `${given} ${surname}`;
      }
      if (this.people.has(name)) continue;
      this.people.add(name);
      const academic =
        org.kind === 'university' || org.kind === 'institute' || (org.kind === 'hospital' && rng.chance(0.6));
      let honorific: string | null = null;
      if (academic) {
        if (org.region === 'de') honorific = rng.pick(['Prof. Dr.', 'Prof. Dr.', 'Professor', 'Dr.']);
        else if (western) honorific = rng.pick(['Professor', 'Professor', 'Prof.', 'Dr', 'Dr.']);
        else honorific = rng.chance(0.5) ? rng.pick(['Prof.', 'Professor', 'Dr.']) : null;
      } else if (org.kind === 'hospital' && !org.chinese) {
        honorific = 'Dr';
      }
      return {
        name,
        surname,
        female,
        western: name.endsWith(` ${surname}`),
        honorific,
        title: role.title,
        titleTakesOrg: role.takesOrg ?? true,
        rank: role.rank,
        org,
      };
    }
  }

  site(org: Org, undated: boolean): Site {
    const rng = this.rng;
    const host = siteHost(org);
    if (org.chinese) {
      const wechat = undated || (org.kind === 'hospital' && rng.chance(0.3));
      return {
        breadcrumbs: rng.pick([
          ['Home · News & Events · Content', 'Home · Banner · Content'],
          ['• News'],
          org.kind === 'hospital' ? ['• News', '• Hospital News'] : ['• News', '• Campus News'],
          org.kind === 'hospital'
            ? ['Home > News > Hospital News', 'Home > News > Medical Cooperation']
            : ['Home > News > Campus News', 'Home > News > International'],
          ['Home › News'],
          [],
        ]),
        dateStyles: undated
          ? []
          : rng.pick<DateLineStyle[]>([
              ['long', 'long-byline'],
              ['long-byline'],
              ['iso-time'],
              ['iso', 'slash'],
              ['dotted'],
              ['date-iso'],
              ['long', 'ordinal-long'],
            ]),
        bylines: [...Array(3)].map(() => {
          const a = `${rng.pick(CN_SURNAMES)} ${rng.pick(CN_GIVEN_SINGLE)}`;
          const b = `${rng.pick(CN_SURNAMES)} ${rng.pick(CN_GIVEN_FIRST)}${rng.pick(CN_GIVEN_SECOND)}`;
          return rng.pick([`${a} | ${b}`, a, `${b} | Copyedited by ${rng.pick(WEST_FIRST_MALE)}, ${b}`]);
        }),
        sourceLine: wechat ? 'link' : rng.chance(0.15) ? 'source' : null,
        sourceHost: wechat ? 'mp.weixin.qq.com/s/' : `${host}/info/`,
        footers: rng.pick([
          [['Related articles', '', 'Stay Connected']],
          [['Find a Doctor'], ['Related News']],
          [['Share', 'Print'], ['Back to top']],
          [['Previous', 'Next'], ['More news']],
          [[`© ${org.name}. All rights reserved.`]],
        ]),
        markdown: rng.chance(0.2) ? 0.5 : 0.05,
        nbsp: rng.pick([0, 0.05, 0.15, 0.35]),
        british: false,
      };
    }
    const british = org.region !== 'us';
    return {
      breadcrumbs: rng.pick([
        ['Home > News'],
        ['Home / News / Research', 'Home / News / Partnerships'],
        ['News » Partnerships', 'News » Research'],
        [],
      ]),
      dateStyles: undated
        ? []
        : org.region === 'us'
          ? rng.pick<DateLineStyle[]>([['posted-weekday'], ['release'], ['short-month', 'long']])
          : rng.pick<DateLineStyle[]>([
              ['published-dmy'],
              ['weekday-dmy'],
              ['long'],
              ['published-dmy', 'weekday-dmy'],
            ]),
      bylines: [
        'the Newsroom',
        'University Communications',
        `${rng.pick(WEST_FIRST_FEMALE)} ${rng.pick(WEST_SURNAMES)}`,
      ],
      sourceLine: rng.chance(0.2) ? 'source' : null,
      sourceHost: `${host}/news/`,
      footers: rng.pick([
        [['Share this'], ['Related stories']],
        [['Media contact'], ['Share', 'Print']],
        [['Tags: partnership, international, research'], ['Related news']],
        [[`© {year} ${org.name}`]],
      ]),
      markdown: rng.chance(0.3) ? 0.6 : 0.05,
      nbsp: rng.pick([0, 0, 0.05, 0.15]),
      british,
    };
  }
}

/** All the names of the organisations of a world, to tell whether a text names exactly one of them. */
export class OrgNames {
  /** Every run of whole words of every name, lowercased, with the organisations whose names contain it. */
  private readonly runs = new Map<string, Set<Org>>();

  constructor(orgs: readonly Org[]) {
    for (const org of orgs) {
      for (const name of [org.name, org.short, org.acronym ?? '', ...org.aliases]) {
        const words = name.toLowerCase().split(/\s+/).filter(Boolean);
        for (let i = 0; i < words.length; i++) {
          for (let j = i + 1; j <= words.length; j++) {
            const key = words.slice(i, j).join(' ');
            const owners = this.runs.get(key) ?? new Set<Org>();
            owners.add(org);
            this.runs.set(key, owners);
          }
        }
      }
    }
  }

  /** True when `text` (whole words, any case) occurs in the names of `org` only. */
  unique(org: Org, text: string): boolean {
    const owners = this.runs.get(text.toLowerCase().split(/\s+/).filter(Boolean).join(' '));
    return !owners || [...owners].every((o) => o === org);
  }
}

/** "University of Shanghai for Science and Technology" -> "USST". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^[A-Z]/.test(word) && !/^(?:Of|For|And|The)$/i.test(word))
    .map((word) => word[0])
    .join('');
}

/** "memorandum of understanding" -> "Memorandum of Understanding". */
export function titleCase(text: string): string {
  return text
    .replace(/(^|[\s-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/(?<=\s)(Of|And|For|The|On|In|To|With)(?=\s)/g, (word: string) => word.toLowerCase());
}

function siteHost(org: Org): string {
  const base =
    (org.acronym ?? org.short)
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .slice(0, 16) || 'news';
  const tld = { cn: 'edu.cn', uk: 'ac.uk', us: 'edu', au: 'edu.au', de: 'de', other: 'org' }[org.region];
  return `https://www.${base}.${tld}`;
}
