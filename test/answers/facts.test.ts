import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { when, whoSigned } from '../../src/answers/index.ts';
import type { Index } from '../../src/index/build.ts';
import { openIndex } from '../../src/index/open.ts';

const root = join(import.meta.dirname, '..', '..');
let seeds: Index;
let own: Index;

beforeAll(async () => {
  seeds = await Promise.resolve(openIndex(join(root, 'corpus'), { warn: () => {} }));
  own = await Promise.resolve(openIndex(join(root, 'test', 'articles'), { warn: () => {} }));
});

const names = (index: Index, query: string) => whoSigned(index, query).answers[0]?.signers.map((s) => s.name);

describe('who-signed', () => {
  it('answers with the contract fields', () => {
    const answer = whoSigned(seeds, 'Qingpu').answers[0]!;
    expect(answer).toMatchObject({
      article: { id: '004_8c6205f0469ee44b', published: '2020-06-06' },
      signers: [
        { name: 'Ding Xiaodong', role: 'President', organization: 'USST' },
        { name: 'Yu Xufeng', role: 'Governor', organization: 'Qingpu District' },
      ],
      agreement: 'strategic cooperation framework agreement',
      parties: ['University of Shanghai for Science and Technology', "Qingpu District People's Government"],
      date: '2020-05-27',
      dateText: 'On the morning of May 27',
    });
    expect(answer.quote).toContain('signed a strategic cooperation framework agreement');
    expect(answer.highlights).toContain('Qingpu');
  });
  it('finds a party by its acronym, its long form, another word order, its short name and a typo', () => {
    expect(names(own, 'HUM')).toEqual(['Wang Lihua', 'Chen Hong']);
    expect(names(own, 'Hubei University of Medicine')).toEqual(['Wang Lihua', 'Chen Hong']);
    expect(names(own, 'NTU')).toEqual(['Peter Mathieson', 'Ho Teck Hua']);
    expect(names(own, 'School of Medicine of Zhejiang University')).toEqual([
      'Liu Zhihong',
      'Ole Petter Ottersen',
    ]);
    expect(names(seeds, 'Gongli')).toEqual(['Liu Ping', 'Jiang Ning']);
    expect(names(own, 'Taihe Hosptial')).toEqual(['Wang Lihua', 'Chen Hong']);
    expect(names(own, 'Charite')).toEqual(['Heyo Kroemer', 'Hans Müller']);
  });
  it('finds a signing by a signer and by the acronym an other article defines', () => {
    expect(whoSigned(seeds, 'Yu Xufeng').answers[0]?.article.id).toBe('004_8c6205f0469ee44b');
    expect(
      whoSigned(seeds, 'University of Shanghai for Science and Technology Gongli').answers[0]?.article.id,
    ).toBe('000_3f2f19fad73511cf');
  });
  it('gives no answer, only suggestions, when no signing matches', () => {
    const result = whoSigned(seeds, 'Shanghai High-end Medical Equipment Innovation Center agreement');
    expect(result.answers).toEqual([]);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(whoSigned(own, 'University of Leeds').answers).toEqual([]);
  });
});

describe('when', () => {
  it('answers with the event, its date and its quote', () => {
    const answer = when(
      seeds,
      'launching ceremony of collaboration between USST and Shanghai Gongli Hospital',
    ).answers[0]!;
    expect(answer).toMatchObject({
      date: '2022-08-08',
      dateText: 'On August 8th',
      event: 'launching ceremony of collaboration between USST and Shanghai Gongli Hospital',
      place: 'auditorium of USST',
      article: { id: '000_3f2f19fad73511cf' },
    });
  });
  it('matches Center for Centre and ignores a date quoted in a speech', () => {
    expect(when(own, 'Center for Quantum Materials launched').answers[0]?.date).toBe('2020-11-27');
    expect(when(seeds, 'Innovation Centre unveiled').answers[0]?.date).toBe('2020-11-14');
  });
  it('says month and day without a year when the article has no date', () => {
    expect(when(own, 'dialysis unit opened').answers[0]?.date).toBe('--03-12');
  });
  it('gives no answer for an event the corpus does not report', () => {
    expect(when(own, 'Olympic games marathon').answers).toEqual([]);
  });
});
