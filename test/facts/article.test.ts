import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse.ts';
import { extractArticleFacts } from '../../src/facts/article.ts';

const article = (body: string, dateLine = 'June 6, 2020') =>
  parseArticle('a.txt', `Title of the article\n\n${dateLine}\n\n${body}`);

describe('facts of one article', () => {
  it('"The Rector and Prof. B then signed": the Rector is the one other person the article calls Rector (not the Vice Rector)', () => {
    const facts = extractArticleFacts(
      article(
        'A delegation from Lakeside Technical University, headed by Rector Prof. Dr. Omar Haddad, visited the campus.\n' +
          'The delegation was received by Rector Prof. Dr. Selin Kaya Demir in the main building.\n' +
          'The Vice Rector for research, Prof. Dr. Emre Aksoy, joined them.\n' +
          'The Rector and Prof. Dr. Haddad then signed the cooperation protocol in the presence of the Governor.',
      ),
    );
    expect(facts.signings.map((s) => s.signers.map((x) => x.name))).toEqual([
      ['Selin Kaya Demir', 'Omar Haddad'],
    ]);
  });
  it('a signing told without names, then with names and a day ("put pen to paper on Tuesday"), is one signing', () => {
    const facts = extractArticleFacts(
      article(
        'The Harbour Technical College and the State Ministry of Energy have put pen to paper on a memorandum of understanding to train wind technicians.\n' +
          'The Provost of the college, Engr. (Dr.) Chinedu Okoro-Eze, and the Commissioner for Energy, Mrs. Amaka Obi-Nwosu, put pen to paper on Tuesday at the ministry.',
      ),
    );
    expect(facts.signings).toHaveLength(1);
    expect(facts.signings[0]!.signers.map((s) => s.name)).toEqual(['Chinedu Okoro-Eze', 'Amaka Obi-Nwosu']);
  });
  it('a signing sentence without a date takes the date of the ceremony, and quotes both sentences', () => {
    const facts = extractArticleFacts(
      article(
        "On the morning of May 27, a ceremony for the signing of a strategic cooperation agreement between USST and the Qingpu District People's Government was held.\n" +
          'At the signing ceremony, USST President Ding Xiaodong and Yu Xufeng, Governor of Qingpu District signed a strategic cooperation framework agreement.',
      ),
    );
    expect(facts.signings).toHaveLength(1);
    expect(facts.signings[0]).toMatchObject({
      date: '2020-05-27',
      dateText: 'On the morning of May 27',
      sentences: [0, 1],
      sentence: 1,
      parties: ['USST', "Qingpu District People's Government"],
    });
  });
  it('a date inside quoted speech is not the date of the event', () => {
    const facts = extractArticleFacts(
      article(
        'On November 14th, leaders witnessed the unveiling ceremony of the Shanghai High-end Medical Equipment Innovation Center.\n' +
          '“Xi pointed out the way. On November 12th, Xi urged major innovations. The time is right,” said Wu Jianyong.',
        'November 22, 2020',
      ),
    );
    expect(facts.events.map((e) => e.date)).toEqual(['2020-11-14']);
  });
  it('without a publication date, the ceremony date has no year', () => {
    const facts = extractArticleFacts(
      parseArticle(
        'b.txt',
        'A Cooperation Agreement Signed\n\nZheng Xingdong led 17 experts to the university on the afternoon of July 4 to hold a signing ceremony.\n' +
          'Afterwards, Xia Chunming, Vice President of Shanghai University of Engineering and Technology, on behalf of the university, signed a contract with Mr. Wang Han, Vice President of Shanghai General Hospital.',
      ),
    );
    expect(facts.signings[0]).toMatchObject({ date: '--07-04', dateText: 'on the afternoon of July 4' });
    expect(facts.signings[0]!.signers.map((s) => s.name)).toEqual(['Xia Chunming', 'Wang Han']);
  });
  it('a signer named without a title takes the role the article gives elsewhere', () => {
    const facts = extractArticleFacts(
      article(
        'Jiang Ning, Dean of Gongli Hospital, addressed a speech.\nOn behalf of both sides, USST Vice President Liu Ping and Jiang Ning signed the Framework Cooperation.',
      ),
    );
    expect(facts.signings[0]!.signers[1]).toEqual({
      name: 'Jiang Ning',
      role: 'Dean',
      organization: 'Gongli Hospital',
    });
  });
});

describe('signings as events', () => {
  it('an undated signing is a "when" event with the ceremony date, named by agreement and parties', () => {
    const facts = extractArticleFacts(
      article(
        'The start-up meeting of the Delta Robotics Centre was held on May 20 at Lakeside University.\n' +
          'Li Wen and Hugo Brandt, President of Alpen Hospital, signed the Memorandum on Surgical Robotics on behalf of Lakeside University and Alpen Hospital.',
      ),
    );
    const signing = facts.events.find((e) => e.event.startsWith('signing of'));
    expect(signing).toMatchObject({
      event: 'signing of the Memorandum on Surgical Robotics between Lakeside University and Alpen Hospital',
      date: '2020-05-20',
      sentences: [0, 1],
    });
  });
});

describe('one signing told twice', () => {
  it('the summary sentence folds into the sentence that names the signers, with the fuller agreement name', () => {
    const facts = extractArticleFacts(
      article(
        'Lakeside University and Alpen Hospital have signed the Joint Research Agreement on Sleep Medicine to deepen their cooperation.\n' +
          'Dean Li Wen and Director Hugo Brandt signed the joint research agreement on behalf of Lakeside University and Alpen Hospital respectively.',
      ),
    );
    expect(facts.signings).toHaveLength(1);
    expect(facts.signings[0]).toMatchObject({
      signers: [{ name: 'Li Wen' }, { name: 'Hugo Brandt' }],
      agreement: 'Joint Research Agreement on Sleep Medicine',
      sentence: 1,
    });
    expect(facts.signings[0]!.parties).toEqual(
      expect.arrayContaining(['Lakeside University', 'Alpen Hospital']),
    );
  });
});

describe('people named again', () => {
  const signersOf = (body: string) =>
    extractArticleFacts(article(body)).signings.map((s) => ({
      names: s.signers.map((x) => x.name),
      confidence: s.confidence,
    }));
  it('"President Wang" and a surname alone give the full name the article used first', () => {
    const found = signersOf(
      'Peking Medical College President Wang Lijun visited Hangzhou on May 3.\nAt the ceremony, President Wang signed the Hangzhou Health Data Agreement with Dr. Rita Gomes, Director of Lisbon Health Lab.\nGomes later met the press.',
    );
    expect(found[0]!.names).toEqual(['Wang Lijun', 'Rita Gomes']);
    expect(found[0]!.confidence).toBeGreaterThanOrEqual(0.5);
  });
  it('"They signed": the two people the sentence before names, quoted with it', () => {
    const facts = extractArticleFacts(
      article(
        'Rector Nuno Alves and President Kenji Sato met on the main campus on May 2. They renewed the exchange agreement.',
      ),
    );
    expect(facts.signings[0]).toMatchObject({ sentences: [0, 1] });
    expect(facts.signings[0]!.signers.map((s) => s.name)).toEqual(['Nuno Alves', 'Kenji Sato']);
  });
  it('"by the Rector and the Director": the people the article gives those titles', () => {
    const found = signersOf(
      'The Rector of Porto Polytechnic, Professor Helena Costa, welcomed Dr. Luis Prado, Director of the Braga Clinic, on May 2.\nThe day ended with the signing of the MoU by the Rector and Director.',
    );
    expect(found[0]!.names).toEqual(['Helena Costa', 'Luis Prado']);
  });
  it('a surname nobody has in full leaves the signing unsure: not an answer', () => {
    const found = signersOf(
      'On May 2, the memorandum was signed by President Okafor and the Porto Polytechnic.',
    );
    expect(found[0]!.confidence).toBeLessThan(0.5);
  });
});

describe('dates of signings', () => {
  it('a signing takes no date from an event told after it', () => {
    const facts = extractArticleFacts(
      article(
        'Pictured: Dr. Ana Lopes and Professor Rui Matos signing the teaching agreement.\nThe new wing was officially opened by Minister Joao Reis on 20 September.',
        'September 21, 2021',
      ),
    );
    expect(facts.signings[0]!.date).toBeNull();
  });
  it('an article that dates nothing: its signing is a "when" event with no date', () => {
    const facts = extractArticleFacts(
      article('The memorandum was signed between Porto Polytechnic and Braga Clinic recently.', ''),
    );
    expect(facts.events.map((e) => [e.event, e.date])).toEqual([
      ['signing of the memorandum between Porto Polytechnic and Braga Clinic', null],
    ]);
  });
});

describe('events that need a day of their own', () => {
  it('"has visited China many times" is no event; "visited the clinic on May 3" is', () => {
    const events = extractArticleFacts(
      article(
        'Dr. Rui Matos has visited China many times.\nMinister Ana Costa visited the Braga Clinic on May 3.',
      ),
    ).events;
    expect(events.map((e) => [e.event, e.date])).toEqual([['visited the Braga Clinic', '2020-05-03']]);
  });
});
