/**
 * Which fact comes first when several share the query's words: a year in the query, the distinctive
 * words of a name, what the rest of an event's article says, and the kind of agreement asked about.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { when, whoSigned } from '../../src/answers/index.ts';
import { updateIndex, type Index } from '../../src/index/build.ts';
import { loadSnapshot, saveSnapshot } from '../../src/index/cache.ts';
import { openIndex } from '../../src/index/open.ts';
import { isSkipped, readRecord } from '../../src/index/records.ts';

const ARTICLES: Record<string, string> = {
  // Files in index order: the 2019 signing comes first and says 2016; the 2016 one has its year only in
  // the publication date.
  'a-riverside-2019.txt': `# Northgate University and Riverside Hospital renew their partnership

2019-05-14 09:30

On May 10, 2019, Northgate University and Riverside Hospital, partners since 2016, signed a renewed cooperation agreement in the hospital's main hall.

Provost Daniel Okoro and Director Helen Zhou signed the agreement on behalf of the two sides.
`,
  'b-riverside-2016.txt': `# Northgate University and Riverside Hospital join hands

2016-03-30 11:00

On March 28, Northgate University and Riverside Hospital signed a cooperation agreement at the university.

President Alan Brooks and Director Mary Chen signed the agreement on behalf of the two sides.
`,
  'c-hainan-base.txt': `# Hainan Smart Sports Medicine Demonstration Base agreement signed

2021-09-02 15:00

On August 30, 2021, Qiongshan Medical College and Hainan Provincial Sports Bureau signed an agreement on the Hainan Smart Sports Medicine Demonstration Base.

Dean Lin Tao and Director Wu Fang signed the agreement on behalf of the two sides.
`,
  'c2-beijing-robotics.txt': `# Beijing Robotics Institute and Northgate University sign agreement

2020-01-12 10:00

On January 9, 2020, Beijing Robotics Institute and Northgate University signed a research agreement.

Director Zhang Wei and Provost Daniel Okoro signed the agreement on behalf of the two sides.
`,
  'c3-beijing-robotics.txt': `# Beijing Robotics Institute teams up with Riverside Hospital

2020-02-12 10:00

On February 10, 2020, Beijing Robotics Institute and Riverside Hospital signed a training agreement.

Director Zhang Wei and Director Helen Zhou signed the agreement on behalf of the two sides.
`,
  'd-sensor-lakeside.txt': `# New wearable patch could shorten hospital stays

2023-08-28 18:18

Researchers at Lakeside Medical University have developed a wearable patch that could shorten hospital stays, according to a study in Cell Reports.

The team presented the findings at the World Congress on Medical Physics on August 21, 2023.
`,
  'e-sensor-granite.txt': `# Study shows wearable patch may speed recovery

2013-06-22 10:00

Researchers at Granite State Institute of Technology have developed a wearable patch that may speed recovery after surgery.

The team presented the findings at the World Congress on Medical Physics on June 13, 2013.
`,
  'f-harbour-exchange.txt': `# Harbour University and Eastfield Clinic turn their memorandum of understanding into a student exchange agreement

2022-04-02 10:00

On March 29, 2022, Harbour University and Eastfield Clinic signed a student exchange agreement.

Vice President Grace Lee and Director Omar Haddad signed the agreement on behalf of the two sides.
`,
  'g-harbour-mou.txt': `# Harbour University and Eastfield Clinic deepen ties

2022-06-12 10:00

On June 8, 2022, Harbour University and Eastfield Clinic signed a memorandum of understanding.

President Paul Grant and Director Omar Haddad signed the memorandum on behalf of the two sides.
`,
  'h-carbon-centre.txt': `# Alder University and Fenwick Institute to build carbon research centre

2020-10-10 10:00

On October 6, 2020, Alder University and Fenwick Institute signed the Cooperation Agreement on the Joint Construction of the Carbon Neutrality Research Center.

President Sofia Ruiz and Director Liam Ward signed the agreement on behalf of the two sides.
`,
  'i-carbon-research.txt': `# Alder University and Fenwick Institute sign joint research agreement

2021-08-20 10:00

On August 18, 2021, Alder University and Fenwick Institute signed the Joint Research Agreement on Carbon Neutrality.

Vice President Ken Adams and Director Liam Ward signed the agreement on behalf of the two sides.
`,
};

let dir: string;
let index: Index;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'accord-ranking-'));
  for (const [file, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, file), text);
  index = await Promise.resolve(openIndex(dir, { warn: () => {} }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signers = (query: string) => whoSigned(index, query).answers[0]?.signers.map((s) => s.name);

describe('a year in the query', () => {
  it('picks the signing of that year, however the year is written', () => {
    expect(signers('Riverside Hospital 2016')).toEqual(['Alan Brooks', 'Mary Chen']);
    expect(signers('who signed with Riverside Hospital in 2016')).toEqual(['Alan Brooks', 'Mary Chen']);
    expect(signers("Riverside Hospital 2016's agreement")).toEqual(['Alan Brooks', 'Mary Chen']);
    expect(signers('Riverside Hospital 2019')).toEqual(['Daniel Okoro', 'Helen Zhou']);
  });
  it('picks the event of that year', () => {
    expect(when(index, 'Riverside Hospital cooperation agreement signing 2016').answers[0]?.date).toBe(
      '2016-03-28',
    );
  });
});

describe('the distinctive words of a name', () => {
  it('gives no answer when a name shares only its common words with a signing', () => {
    // "Sports Demonstration Base" is most of the query's weight, but the Hainan base is not in Beijing.
    const result = whoSigned(index, 'Beijing Robotics Sports Demonstration Base agreement');
    expect(result.answers).toEqual([]);
    expect(signers('Hainan Smart Sports Medicine Demonstration Base agreement')).toEqual([
      'Lin Tao',
      'Wu Fang',
    ]);
  });
});

describe('events', () => {
  it('are told apart by the organisation the article names outside the event sentence', () => {
    const query = 'Lakeside Medical University wearable patch findings World Congress on Medical Physics';
    expect(when(index, query).answers[0]?.date).toBe('2023-08-21');
    expect(when(index, 'Granite State findings World Congress on Medical Physics').answers[0]?.date).toBe(
      '2013-06-13',
    );
  });
});

describe('the kind of agreement', () => {
  it('puts the agreement of the kind asked about first, between the same parties', () => {
    expect(signers('Harbour University Eastfield Clinic memorandum of understanding')).toEqual([
      'Paul Grant',
      'Omar Haddad',
    ]);
    expect(signers('Harbour University Eastfield Clinic student exchange agreement')).toEqual([
      'Grace Lee',
      'Omar Haddad',
    ]);
  });
  it('puts the agreement named by the query, typo and all, before one that only holds its words', () => {
    expect(signers('Joint Research Agreemnet on Carbon Neutrality')).toEqual(['Ken Adams', 'Liam Ward']);
  });
});

describe('an index changed file by file', () => {
  it('answers as one built at once over the same files, and so does its snapshot', () => {
    const changing = mkdtempSync(join(tmpdir(), 'accord-changing-'));
    try {
      const files = Object.keys(ARTICLES);
      const first = files.slice(0, 5);
      for (const file of first) writeFileSync(join(changing, file), ARTICLES[file]!);
      const changed = openIndex(changing, { warn: () => {} });
      // The rest come in, one signing is rewritten, one article leaves, and a new one defines an acronym
      // the others' organisations are then also found by.
      const rest = files.slice(5);
      for (const file of rest) writeFileSync(join(changing, file), ARTICLES[file]!);
      const rewritten = 'c3-beijing-robotics.txt';
      writeFileSync(
        join(changing, rewritten),
        ARTICLES[rewritten]!.replace('Director Zhang Wei', 'Dean Zhou Min').replace('training', 'teaching'),
      );
      writeFileSync(
        join(changing, 'j-northgate-acronym.txt'),
        `# Northgate University (NU) opens a robotics lab

2024-03-02 10:00

Northgate University (NU) opened a robotics laboratory on March 1, 2024.
`,
      );
      unlinkSync(join(changing, 'a-riverside-2019.txt'));
      const read = (file: string) => {
        const record = readRecord(changing, file);
        if (isSkipped(record)) throw new Error(record.reason);
        return record;
      };
      updateIndex(changed, {
        added: [...rest, rewritten, 'j-northgate-acronym.txt'].map(read),
        removed: ['a-riverside-2019.txt'],
        skipped: [],
      });
      const fresh = openIndex(changing, { warn: () => {} });
      const path = join(changing, 'snapshot.msgpack');
      saveSnapshot(path, changed);
      const restored = loadSnapshot(path).index!;
      const questions = [
        'Riverside Hospital 2016',
        'NU Riverside Hospital agreement',
        'Beijing Robotics Institute Riverside Hospital teaching agreement',
        'Harbour University Eastfield Clinic memorandum of understanding',
        'Joint Research Agreemnet on Carbon Neutrality',
        'Hainan Smart Sports Medicine Demonstration Base agreement',
        'Beijing Robotics Sports Demonstration Base agreement',
      ];
      const answers = (index: Index) => questions.flatMap((q) => [whoSigned(index, q), when(index, q)]);
      expect(answers(changed)).toEqual(answers(fresh));
      expect(answers(restored)).toEqual(answers(fresh));
      expect(
        whoSigned(changed, 'NU Riverside Hospital agreement').answers[0]?.signers.map((s) => s.name),
      ).toEqual(['Alan Brooks', 'Mary Chen']);
      expect(
        whoSigned(
          changed,
          'Beijing Robotics Institute Riverside Hospital teaching agreement',
        ).answers[0]?.signers.map((s) => s.name),
      ).toEqual(['Zhou Min', 'Helen Zhou']);
    } finally {
      rmSync(changing, { recursive: true, force: true });
    }
  });
});
