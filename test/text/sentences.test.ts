import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on full stops, question and exclamation marks', () => {
    expect(split('The centre opened. Was it late? No! It was on time.')).toEqual([
      'The centre opened.',
      'Was it late?',
      'No!',
      'It was on time.',
    ]);
  });

  it('keeps abbreviations together', () => {
    expect(
      split('It is run by Shanghai Liwei Medical Technology Co., Ltd, in Pudong. It opened.'),
    ).toHaveLength(2);
    expect(split('He signed a contract with Mr. Wang Han, Vice President. Then he left.')).toEqual([
      'He signed a contract with Mr. Wang Han, Vice President.',
      'Then he left.',
    ]);
    expect(split('The meeting began at 9 a.m. on Monday and ended at noon.')).toHaveLength(1);
    expect(
      split('It was signed on Nov. 18th by Prof. Dr. Anna Becker and Dr. J. Smith of Acme Co. Ltd.'),
    ).toHaveLength(1);
    expect(split('See Fig. 3 and No. 5 for details, e.g. the suture needles.')).toHaveLength(1);
  });

  it('ends a sentence after a.m. when a new one starts', () => {
    expect(split('The ceremony began at 10 a.m. The president spoke first.')).toEqual([
      'The ceremony began at 10 a.m.',
      'The president spoke first.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(split('“The time is right,” said Wu. “We begin today.” He smiled.')).toEqual([
      '“The time is right,” said Wu.',
      '“We begin today.”',
      'He smiled.',
    ]);
  });

  it('splits sentences glued by a missing space, but not dotted abbreviations or decimals', () => {
    expect(split('It was launched on July 4.It will focus on imaging.')).toEqual([
      'It was launched on July 4.',
      'It will focus on imaging.',
    ]);
    expect(split('The ceremony was held.The two sides signed.')).toEqual([
      'The ceremony was held.',
      'The two sides signed.',
    ]);
    expect(split('Growth was 3.5 percent in the U.S.A. last year.')).toHaveLength(1);
  });

  it('does not split before a lowercase word', () => {
    expect(split('The project, approx. ten million yuan, was approved.')).toHaveLength(1);
    expect(split('Covid-19 etc. were discussed.')).toHaveLength(1);
  });

  it('does not end a sentence at a title of another language or a title run', () => {
    expect(
      split(
        'Signing for the clinic were Profa. Dra. Inês Moreira and Prof. Dr. med. Jonas Keller. Lunch followed.',
      ),
    ).toEqual([
      'Signing for the clinic were Profa. Dra. Inês Moreira and Prof. Dr. med. Jonas Keller.',
      'Lunch followed.',
    ]);
    expect(
      split(
        'Mtra. Elena Soto, Eng. Omar Said, Ir. Dewi Lestari and Dra. Ma. Teresa Cruz signed. Talks began.',
      ),
    ).toHaveLength(2);
    // A short name after a title still ends the sentence before an opener.
    expect(split('The award went to Prof. Ma. The jury met in May.')).toHaveLength(2);
  });

  it('returns nothing for blank text and one span for text without a stop', () => {
    expect(split('   ')).toEqual([]);
    expect(split('Zhao Huiqin addressed a speech at the signing ceremony')).toHaveLength(1);
  });
});
