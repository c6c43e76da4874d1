import { describe, expect, it } from 'vitest';
import { findNames, isPinyin, splitTitle, titleBefore } from '../../src/facts/names.ts';

const names = (text: string) => findNames(text).map((n) => n.name);

describe('people', () => {
  it('finds Chinese names: a listed surname and a pinyin given name', () => {
    expect(names('USST President Ding Xiaodong and Yu Xufeng, Governor of Qingpu District signed')).toEqual([
      'Ding Xiaodong',
      'Yu Xufeng',
    ]);
    expect(isPinyin('Xiaodong')).toBe(true);
    expect(isPinyin('Watling')).toBe(false);
  });
  it('does not take a place or a pronoun for a Chinese name', () => {
    expect(names('He pointed out that Shanghai General Hospital and Qingpu District cooperate.')).toEqual([]);
  });
  it('finds Western names after honorifics and titles, with initials, accents and apostrophes', () => {
    expect(names('Prof. Dr. Heyo Kroemer and Dr. Hans Müller signed')).toEqual([
      'Heyo Kroemer',
      'Hans Müller',
    ]);
    expect(names('Dr. John Mazziotta, CEO of UCLA Health, and Thomas M. Priselac, President')).toEqual([
      'John Mazziotta',
      'Thomas M. Priselac',
    ]);
    expect(names("with Ms. Sarah O'Connell, Chief Executive")).toEqual(["Sarah O'Connell"]);
    expect(names('Professor Sir Peter Mathieson, Principal')).toEqual(['Peter Mathieson']);
  });
  it('finds an unlisted Western name followed by a role', () => {
    expect(names('and Lesley Watts, Chief Executive of the Trust')).toEqual(['Lesley Watts']);
  });
  it('does not take an institute named after a person for a person', () => {
    expect(names('Professor Tom Harris of the Alan Turing Institute')).toEqual(['Tom Harris']);
  });
});

describe('titles', () => {
  it('splits a title before a name into role and organisation', () => {
    const text = 'USST Vice President Liu Ping and Jiang Ning signed';
    expect(splitTitle(titleBefore(text, text.indexOf('Liu Ping')))).toEqual({
      role: 'Vice President',
      organization: 'USST',
    });
  });
  it('splits an appositive title at the last role before "of"', () => {
    expect(
      splitTitle(
        'Deputy Secretary of CPC and Vice President of School of Medicine of Shanghai Jiaotong University',
      ),
    ).toEqual({
      role: 'Deputy Secretary of CPC and Vice President',
      organization: 'School of Medicine of Shanghai Jiaotong University',
    });
    expect(splitTitle('Pro Vice Chancellor International of Monash University')).toEqual({
      role: 'Pro Vice Chancellor International',
      organization: 'Monash University',
    });
  });
});

describe('names the lists do not know', () => {
  it('reads given names with two-letter vowel syllables (Ya-an, Ai-xia, An-qi)', () => {
    expect(findNames('Qin Yaan met Yao Aixia and Lu Anqi.').map((n) => n.name)).toEqual([
      'Qin Yaan',
      'Yao Aixia',
      'Lu Anqi',
    ]);
  });
  it('takes an unlisted Western name listed with a person ("A and B", "A, B")', () => {
    const names = (t: string) => findNames(t).map((n) => n.name);
    expect(names('Ottilie Brandstrom and President Wei Tao signed the agreement.')).toEqual([
      'Ottilie Brandstrom',
      'Wei Tao',
    ]);
    expect(names('Gong Li and Radek Novotny inked the memorandum.')).toEqual(['Gong Li', 'Radek Novotny']);
    expect(names('Zhu Ming and Pomona Hospital President Yevgen Koval signed it.')).toEqual([
      'Zhu Ming',
      'Yevgen Koval',
    ]);
  });
  it('does not take an organisation listed with a person for a person', () => {
    expect(findNames('Ren Hao and Eastfield Met signed the agreement.').map((n) => n.name)).toEqual([
      'Ren Hao',
    ]);
    expect(findNames('Ren Hao and Cedar Valley Hospital signed it.').map((n) => n.name)).toEqual(['Ren Hao']);
  });
});

describe('titles with a portfolio', () => {
  it('"Vice Provost for Global Engagement of X": the portfolio is the role\'s, X the organisation', () => {
    expect(splitTitle('Vice Provost for Global Engagement of the University of Utah')).toEqual({
      role: 'Vice Provost for Global Engagement',
      organization: 'University of Utah',
    });
  });
});

describe('names from every part of the world', () => {
  it('keeps honorifics out of the name: H. E., Madame, Datuk, Dato’ Sri, Engr., Sheikh, Prof Dr', () => {
    expect(names('H. E. Sok Vanna, Senior Minister of Planning, and Madame LIU Fang signed')).toEqual([
      'Sok Vanna',
      'Liu Fang',
    ]);
    expect(names("Datuk Dr Awang Kassim bin Jamil and Dato' Sri Nurul Huda Abdullah")).toEqual([
      'Awang Kassim bin Jamil',
      'Nurul Huda Abdullah',
    ]);
    expect(names('Engr. Musa K. Danjuma and Sheikh Abd Karim Nasser')).toEqual([
      'Musa K. Danjuma',
      'Abd Karim Nasser',
    ]);
    expect(names('Prof Dr M Farhana Akter and Prof Dr Ian R Dolan')).toEqual([
      'M Farhana Akter',
      'Ian R Dolan',
    ]);
  });
  it('reads initials, particles, apostrophes, hyphens and a month that is a surname', () => {
    expect(names('Dr. A. K. Verma, Dean, and Prof. Ludwig van der Berg')).toEqual([
      'A. K. Verma',
      'Ludwig van der Berg',
    ]);
    expect(names("Vice-Chancellor Ibrahim Sa'id Bello and CEO Grace Owusu-Ansah")).toEqual([
      "Ibrahim Sa'id Bello",
      'Grace Owusu-Ansah',
    ]);
    expect(names('signed by hospital CEO Peter May on Monday')).toEqual(['Peter May']);
    expect(names('signed on May 4 by Dr. Jane Ross')).toEqual(['Jane Ross']);
  });
  it('reads a Chinese surname in capitals and a name in given-family order', () => {
    expect(names('President ZHAO Minghui and Xiaoyan Zhou signed')).toEqual(['Zhao Minghui', 'Xiaoyan Zhou']);
    expect(names('Hosted by Jianguo Li at Wuhan University')).toEqual(['Jianguo Li']);
  });
  it('finds an unlisted name before a role in lowercase, and titles in lowercase before a name', () => {
    expect(names('Tobenna Eze, president of the Lagos Institute, and registrar Kemi Adeyemi')).toEqual([
      'Tobenna Eze',
      'Kemi Adeyemi',
    ]);
  });
  it('takes no organisation of another language for a person', () => {
    expect(
      names('Dr. Lucia Ferri, and Istituto Nazionale di Ottica, represented by Prof. Marco Neri'),
    ).toEqual(['Lucia Ferri', 'Marco Neri']);
    expect(names('the Hanban Director-General and the UZ President')).toEqual([]);
  });
  it('reads titles of other languages, a bracketed title, "Ma." for María, and a family name in capitals first', () => {
    expect(
      names(
        'the Dean, Profa. Dra. Inês Moreira Lopes, and the director, Prof. Dr. med. Jonas-Peter van Aken, met',
      ),
    ).toEqual(['Inês Moreira Lopes', 'Jonas-Peter van Aken']);
    expect(names('the Provost, Engr. (Dr.) Chinedu Okoro-Eze, and Mtra. Elena Soto Ruiz')).toEqual([
      'Chinedu Okoro-Eze',
      'Elena Soto Ruiz',
    ]);
    expect(names('Director Dra. Ma. Teresa de la Paz and Prof. Dr. Ir. Dewi Lestari, M.Sc., signed')).toEqual(
      ['Ma. Teresa de la Paz', 'Dewi Lestari'],
    );
    expect(names('President TANAKA Hiroshi of the college and Rector Anna Berg signed')).toEqual([
      'TANAKA Hiroshi',
      'Anna Berg',
    ]);
  });
  it('marks a surname alone after a title as partial, only when asked', () => {
    expect(findNames('At the ceremony, President Zhao signed it.', { partial: true })).toMatchObject([
      { name: 'Zhao', partial: true },
    ]);
    expect(names('At the ceremony, President Zhao signed it.')).toEqual([]);
  });
});
