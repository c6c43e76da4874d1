import { describe, expect, it } from 'vitest';
import { AliasTable, findAliases } from '../../src/facts/aliases.ts';

describe('acronyms defined in the text', () => {
  it.each([
    [
      'University of Shanghai for Science and Technology (USST) joined',
      'USST',
      'University of Shanghai for Science and Technology',
    ],
    ['Hubei University of Medicine (HUM hereafter) signed', 'HUM', 'Hubei University of Medicine'],
    ['with the University of Nottingham (hereinafter "UoN")', 'UoN', 'University of Nottingham'],
    [
      'Hong Kong University of Science and Technology (HKUST) said',
      'HKUST',
      'Hong Kong University of Science and Technology',
    ],
  ])('%s', (text, short, long) => {
    expect(findAliases(text)).toEqual([{ short, long }]);
  });

  it('ignores brackets that are not acronyms of the words before them', () => {
    expect(findAliases('Qingpu Huancheng Water System Park (Water City Gate)')).toEqual([]);
    expect(findAliases('the ceremony (2019) and the Institute (AI)')).toEqual([]);
  });

  it('expands a query both ways', () => {
    const table = new AliasTable([
      { short: 'USST', long: 'University of Shanghai for Science and Technology' },
    ]);
    expect(table.expandQuery('usst signing')).toEqual([
      { written: 'usst', implied: 'University of Shanghai for Science and Technology' },
    ]);
    expect(table.expandQuery('university of shanghai for science and technology')).toEqual([
      { written: 'University of Shanghai for Science and Technology', implied: 'USST' },
    ]);
    expect(table.expandQuery('us signing')).toEqual([]);
  });
});
