import { describe, expect, it } from 'vitest';
import {
  acronymFits,
  articleOrganizations,
  findOrganizations,
  orgKey,
  resolveOrganization,
} from '../../src/facts/organizations.ts';

const orgsOf = (text: string) => findOrganizations(text).map((o) => o.name);

describe('organisation names', () => {
  it('keeps "and" inside a name and splits two organisations joined by "and"', () => {
    expect(
      orgsOf('between the University of Shanghai for Science and Technology and Shanghai Gongli Hospital.'),
    ).toEqual(['University of Shanghai for Science and Technology', 'Shanghai Gongli Hospital']);
    expect(orgsOf('UCLA Health and Cedars-Sinai Medical Center inked')).toEqual([
      'UCLA Health',
      'Cedars-Sinai Medical Center',
    ]);
  });
  it('cuts the role and the person off an organisation', () => {
    expect(orgsOf('Xia Chunming, Vice President of Shanghai General Hospital, signed')).toEqual([
      'Shanghai General Hospital',
    ]);
    expect(orgsOf('Vice Director of Pudong Health Commission Yu Donghai unveiled')).toEqual([
      'Pudong Health Commission',
    ]);
  });
});

describe('aliases', () => {
  it('links an acronym defined in the text, both ways', () => {
    const orgs = articleOrganizations(
      'HUM signs',
      'Hubei University of Medicine (HUM hereafter) and Taihe Hospital met.',
    );
    const hum = resolveOrganization(orgs, 'HUM');
    expect(hum?.name).toBe('Hubei University of Medicine');
    expect(resolveOrganization(orgs, 'Hubei University of Medicine')?.aliases).toContain('HUM');
  });
  it('links a parenthesised acronym whose letters are not the initials', () => {
    const orgs = articleOrganizations(
      't',
      'the Fraunhofer Institute for Digital Medicine (MEVIS) opened a lab.',
    );
    expect(resolveOrganization(orgs, 'MEVIS')?.name).toBe('Fraunhofer Institute for Digital Medicine');
  });
  it('reads an undefined acronym off the initials of a name in any order', () => {
    expect(acronymFits('SHSMU', 'School of Medicine of Shanghai Jiaotong University')).toBe(true);
    expect(acronymFits('USST', 'University of Shanghai for Science and Technology')).toBe(true);
    expect(acronymFits('USST', 'Shanghai General Hospital')).toBe(false);
  });
  it('treats Centre and Center, and other word orders, as one name', () => {
    expect(orgKey('Shanghai High-end Medical Equipment Innovation Centre')).toBe(
      orgKey('Shanghai High-end Medical Equipment Innovation Center'),
    );
    expect(orgKey('School of Medicine of Zhejiang University')).toBe(
      orgKey('Zhejiang University School of Medicine'),
    );
  });
  it('groups short forms, other word orders and typos under the fullest name', () => {
    const orgs = articleOrganizations(
      'A Cooperation Agreement',
      'Shanghai University of Engineering and Technology hosted. Shanghai University of Engieering and Technology signed. ' +
        'Students at Engineering and Technology University. Gongli Hospital and Shanghai Gongli Hospital.',
    );
    const suet = resolveOrganization(orgs, 'Shanghai University of Engineering and Technology')!;
    expect(suet.aliases).toEqual(
      expect.arrayContaining([
        'Shanghai University of Engieering and Technology',
        'Engineering and Technology University',
      ]),
    );
    expect(resolveOrganization(orgs, 'Gongli Hospital')?.name).toBe('Shanghai Gongli Hospital');
  });
});

describe('words around an organisation that are not its name', () => {
  it('"Secretary of the Party Committee of X" names X; a footer\'s "About X" names X', () => {
    expect(
      findOrganizations('Lu Fang, Deputy Secretary of the Party Committee of Lanzhou University, spoke.').map(
        (o) => o.name,
      ),
    ).toEqual(['Lanzhou University']);
    expect(findOrganizations('About Nancheng Hospital').map((o) => o.name)).toEqual(['Nancheng Hospital']);
  });
});

describe('organisation names of other shapes', () => {
  it('"of the" inside a name, and a possessive after its head word', () => {
    expect(orgsOf('The University of the West of Ireland and Harbour Clinic signed.')).toEqual([
      'University of the West of Ireland',
      'Harbour Clinic',
    ]);
    expect(orgsOf('Northshire University’s President, Dr. Ann Fell, spoke.')).toEqual([
      'Northshire University',
    ]);
    expect(orgsOf("the Qingpu District People's Government")).toEqual([
      "Qingpu District People's Government",
    ]);
  });
});

describe('acronyms of long names', () => {
  it('may leave out two words of a name of six or more ("NHS", "Foundation")', () => {
    expect(acronymFits('UHMBT', 'University Hospitals of Morecambe Bay NHS Foundation Trust')).toBe(true);
    expect(acronymFits('UHT', 'University Hospitals of Morecambe Bay NHS Foundation Trust')).toBe(false);
    expect(acronymFits('UHMBT', 'University Hospital Trust')).toBe(false);
  });
});
