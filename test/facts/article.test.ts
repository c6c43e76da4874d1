import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse.ts';
import { extractArticleFacts } from '../../src/facts/article.ts';

const article = (body: string, dateLine = 'June 6, 2020') =>
  parseArticle('a.txt', `Title of the article\n\n${dateLine}\n\n${body}`);

describe('facts of one article', () => {
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
