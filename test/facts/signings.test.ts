import { describe, expect, it } from 'vitest';
import { findSigning } from '../../src/facts/signings.ts';

const signers = (sentence: string) => findSigning(sentence)?.signers.map((s) => s.name) ?? null;

describe('signing patterns', () => {
  it('"A and B signed X", titles before and after the names', () => {
    const s = findSigning(
      'At the signing ceremony, USST President Ding Xiaodong and Yu Xufeng, Governor of Qingpu District signed a strategic cooperation framework agreement.',
    )!;
    expect(s.signers).toEqual([
      { name: 'Ding Xiaodong', role: 'President', organization: 'USST' },
      { name: 'Yu Xufeng', role: 'Governor', organization: 'Qingpu District' },
    ]);
    expect(s.agreement).toBe('strategic cooperation framework agreement');
  });
  it('"A, title of P, B, title of Q, signed X on behalf of the two universities"', () => {
    const s = findSigning(
      'Liu Ping, Vice President of the University of Shanghai for Science and Technology, Wu Tao, Deputy Secretary of CPC and Vice President of School of Medicine of Shanghai Jiaotong University, signed the Cooperation Framework Agreement on the Joint Construction of Medical Engineering Interdisciplinary Innovation Research Institute on behalf of the two universities.',
    )!;
    expect(s.signers.map((x) => x.name)).toEqual(['Liu Ping', 'Wu Tao']);
    expect(s.agreement).toBe(
      'Cooperation Framework Agreement on the Joint Construction of Medical Engineering Interdisciplinary Innovation Research Institute',
    );
    expect(s.parties).toEqual([
      'University of Shanghai for Science and Technology',
      'School of Medicine of Shanghai Jiaotong University',
    ]);
  });
  it('"A, on behalf of the university, signed a contract with Mr. B"', () => {
    const s = findSigning(
      'Afterwards, Xia Chunming, Vice President of Shanghai University of Engineering and Technology, on behalf of the university, signed a contract with Mr. Wang Han, Vice President of Shanghai General Hospital.',
    )!;
    expect(s.signers.map((x) => x.name)).toEqual(['Xia Chunming', 'Wang Han']);
    expect(s.signers[1]).toEqual({
      name: 'Wang Han',
      role: 'Vice President',
      organization: 'Shanghai General Hospital',
    });
    expect(s.agreement).toBe('contract');
  });
  it('"X was signed by A and B"', () => {
    expect(
      signers(
        'The cooperation agreement was signed by Prof. Dr. Heyo Kroemer, Chief Executive Officer of Charité, and Dr. Hans Müller, Director of Fraunhofer MEVIS.',
      ),
    ).toEqual(['Heyo Kroemer', 'Hans Müller']);
  });
  it('"A and B inked X"', () => {
    const s = findSigning(
      'Dr. John Mazziotta, CEO of UCLA Health, and Thomas M. Priselac, President of Cedars-Sinai, inked the memorandum at a ceremony in Westwood.',
    )!;
    expect(s.signers.map((x) => x.name)).toEqual(['John Mazziotta', 'Thomas M. Priselac']);
    expect(s.agreement).toBe('memorandum');
  });
  it('organisations that sign without a named person: parties, no signers', () => {
    const s = findSigning(
      'UCLA Health and Cedars-Sinai Medical Center inked a memorandum of understanding on Nov. 18th to share oncology clinical trial data.',
    )!;
    expect(s.signers).toEqual([]);
    expect(s.parties).toEqual(['UCLA Health', 'Cedars-Sinai Medical Center']);
    expect(s.agreement).toBe('memorandum of understanding');
  });
});

describe('people who did not sign', () => {
  it('leaves out a witness named before the signers', () => {
    expect(
      signers(
        'Witnessed by Australian Ambassador Graham Fletcher, Vice-Chancellor Professor Duncan Maskell and Peking University President Gong Qihuang signed the renewed Student Exchange Agreement in Beijing on 12 September.',
      ),
    ).toEqual(['Duncan Maskell', 'Gong Qihuang']);
  });
  it('leaves out witnesses named after a passive signing', () => {
    expect(
      signers(
        'The memorandum was signed by Dr. Anna Berg and Dr. Paul Simmons, and witnessed by Mayor Karen Holt.',
      ),
    ).toEqual(['Anna Berg', 'Paul Simmons']);
  });
  it('finds no signing in speeches, hosting, delegations, unveilings or plans to sign', () => {
    expect(findSigning('Jiang Ning, Dean of Gongli Hospital, addressed a speech.')).toBeNull();
    expect(findSigning('The signing ceremony was hosted by Vice President Xia Chunming.')).toBeNull();
    expect(
      findSigning(
        'Zheng Xingdong, president of Shanghai General Hospital led 17 experts to hold a signing ceremony.',
      ),
    ).toBeNull();
    expect(
      findSigning(
        'USST Deputy Secretary Sun Yuedong and Vice Director of Pudong Health Commission Yu Donghai unveiled the nameplate of USST-Gongli Technology Institute.',
      ),
    ).toBeNull();
    expect(
      findSigning('Delegates discussed a proposed agreement, which the partners hope to sign next year.'),
    ).toBeNull();
    expect(findSigning('The agreement will be signed by both presidents in May.')).toBeNull();
  });
});

describe('more ways to say who signed', () => {
  it('"put pen to paper on X" is a signing, and X is the agreement', () => {
    const s = findSigning(
      'Dean Hu Lan and Mr. Tao Jun put pen to paper on the Memorandum on Nursing Education.',
    )!;
    expect(s.signers.map((x) => x.name)).toEqual(['Hu Lan', 'Tao Jun']);
    expect(s.agreement).toBe('Memorandum on Nursing Education');
    expect(findSigning('Both sides hope to put pen to paper on a contract next year.')).toBeNull();
  });
  it('"X and Y signed X, with A signing for X and B for Y": A and B signed', () => {
    const s = findSigning(
      'Riverside University and Dongfang Hospital signed a research agreement, with Provost Ada Lind signing for Riverside University and Dr. Kong Wei for Dongfang Hospital.',
    )!;
    expect(s.signers.map((x) => x.name)).toEqual(['Ada Lind', 'Kong Wei']);
    expect(s.parties).toEqual(expect.arrayContaining(['Riverside University', 'Dongfang Hospital']));
  });
  it('"A signed for X, and B signed for Y, and C signed for Z": every side\'s signer', () => {
    const s = findSigning(
      'Dean Wu Fang signed for Hubei University, and Director Ma Lin signed for Jinan Hospital, and Gao Yu signed for Kexin Group.',
    )!;
    expect(s.signers.map((x) => x.name)).toEqual(['Wu Fang', 'Ma Lin', 'Gao Yu']);
    expect(s.agreement).toBeNull();
  });
  it('a witness list runs over its titles to the comma before the signers', () => {
    expect(
      signers(
        'In the presence of Zhao Lei, Deputy Mayor of Wuxi and Qian Bo, Dean of Wuxi Medical School, Sun Hao and Li Na signed the agreement.',
      ),
    ).toEqual(['Sun Hao', 'Li Na']);
    expect(
      signers(
        'Witnessed by Zhou Min, Director of the Health Commission and Feng Tao, Jiang Yu and Director Pan Rui signed the MoU.',
      ),
    ).toEqual(['Jiang Yu', 'Pan Rui']);
    expect(
      signers(
        'The MoU was signed by Xu Qing and Tan Jun in the presence of Lin Hai, President of Ningbo University and Cao Ming.',
      ),
    ).toEqual(['Xu Qing', 'Tan Jun']);
    expect(
      signers(
        'Witnessed by Zhu Hua, President of Jinan Hospital, Jinan Hospital Vice President Deng Wei and Yang Ling signed the agreement.',
      ),
    ).toEqual(['Deng Wei', 'Yang Ling']);
  });
});

describe('signing sentences of other shapes', () => {
  it('"Signing the agreement were A and B": the signers after "were"', () => {
    expect(
      signers(
        'Signing the agreement were Hospital Director Dra. Ma. Teresa de la Paz and Medical Superintendent Dr. Chen Wei-Ling, who came with a delegation.',
      ),
    ).toEqual(['Ma. Teresa de la Paz', 'Chen Wei-Ling']);
    expect(findSigning('Signing the MoU were Prof. Jane Ross and Dr. Omar Said.')?.agreement).toMatch(/MoU/);
    // A sentence that opens with "Signing" but says who did not sign names no signer.
    expect(signers('Signing the agreement, the rector thanked Prof. Jane Ross for her support.')).toBeNull();
  });
  it('a caption in the present tense: "A (left) and B sign the agreement"', () => {
    expect(
      signers(
        'Dr Kofi Mensah (left), CEO of Coastal Health, and Prof Naledi Zulu-Khumalo, Dean of Nursing, sign the nursing agreement on 3 March.',
      ),
    ).toEqual(['Kofi Mensah', 'Naledi Zulu-Khumalo']);
    expect(signers('Prof Jane Ross and Dr Omar Said will sign the agreement next week.')).toBeNull();
  });

  it('"A signed the MoU for P and B signed it for Q", "whilst", "while": every clause’s signer', () => {
    expect(
      signers(
        'Registrar Dr Nadia Rahman signed the agreement on behalf of Coastal University and Hospital CEO Dr Peter Okafor signed the agreement on behalf of the hospital.',
      ),
    ).toEqual(['Nadia Rahman', 'Peter Okafor']);
    expect(
      signers(
        'Mr. Tomas Lind, Chairman, signed for the Board while Dr. Hanna Berg, Director, signed for the Institute.',
      ),
    ).toEqual(['Tomas Lind', 'Hanna Berg']);
  });
  it('"concluded", "renewed" and "initialled" an agreement are signings; "concluded the visit" is not', () => {
    expect(
      signers('President Lin Hao and Rector Karl Weiss concluded a strategic cooperation agreement.'),
    ).toEqual(['Lin Hao', 'Karl Weiss']);
    expect(signers('Dr. Maria Santos initialled the contract for the clinic.')).toEqual(['Maria Santos']);
    expect(findSigning('President Lin Hao concluded the visit with a speech.')).toBeNull();
  });
  it('"formalised"/"formalized" an agreement, partnership or MoU is a signing; "formalised the rules" is not', () => {
    expect(
      signers(
        'Provost Elena Marsh and Director Tariq Bello formalised the research partnership at a short ceremony.',
      ),
    ).toEqual(['Elena Marsh', 'Tariq Bello']);
    expect(signers('Dean Oskar Brandt formalized an MoU with the city hospital.')).toEqual(['Oskar Brandt']);
    expect(findSigning('Dean Oskar Brandt formalised the rules for visiting staff.')).toBeNull();
    expect(findSigning('Dean Oskar Brandt hopes to formalise the partnership next year.')).toBeNull();
  });
  it('"X was signed between A and B": the people after "between"', () => {
    expect(
      signers(
        'A memorandum was signed between rector Professor Datuk Hamid Osman and Sheikh Faisal Al Thani, the chief executive officer of the group.',
      ),
    ).toEqual(['Hamid Osman', 'Faisal Al Thani']);
  });
  it('a photo caption: "A and B signing the agreement"; not "after signing the agreement, A said"', () => {
    expect(
      signers('Pictured: Dr. Rosa Diaz (left) and Professor Kwame Mensah signing the partnership agreement.'),
    ).toEqual(['Rosa Diaz', 'Kwame Mensah']);
    expect(findSigning('After signing the agreement, Dr. Rosa Diaz thanked the staff.')).toBeNull();
  });
  it('"after the two signed": the two people named before in the sentence; "the two sides signed": nobody', () => {
    expect(
      signers('Mayor Ana Ruiz, left, shook hands with Dr. Omar Haddad after the two signed an agreement.'),
    ).toEqual(['Ana Ruiz', 'Omar Haddad']);
    expect(signers('At the ceremony, the two sides signed a cooperation agreement.')).toEqual([]);
    expect(findSigning('They then signed the renewed agreement.')?.pronoun).toBe(true);
  });
  it('titles that stand for signers, and a surname alone the article gives in full', () => {
    expect(
      findSigning('The day ended with the signing of the MoU by the Rector and Registrar.')?.titles,
    ).toEqual(['Rector', 'Registrar']);
    const people = [{ name: 'Adaeze N. Okonkwo', keys: ['Okonkwo'] }];
    expect(
      findSigning(
        'The second agreement was signed by Okonkwo and Engr. Musa K. Danjuma.',
        people,
      )!.signers.map((s) => s.name),
    ).toEqual(['Adaeze N. Okonkwo', 'Musa K. Danjuma']);
    expect(findSigning('It was signed by President Zhao.')?.partial).toBe(true);
  });
  it('hosts, chairs and speakers in the signing sentence are not signers', () => {
    expect(
      signers(
        'During the ceremony chaired by Dr. Ines Moreau, the agreement was signed by Jun Wei and Prof. Alan Pike, who delivered remarks afterwards.',
      ),
    ).toEqual(['Jun Wei', 'Alan Pike']);
  });
});

describe('two agreements in one sentence', () => {
  it('"A signed both MOUs for P while B and C signed the MOUs for Q and R respectively": one signing each', () => {
    const s = findSigning(
      'Dr. Lena Voss, Rector, signed both the MOUs for Elbe University while Prof. Arjun Mehta, President, Deccan Institute and Ms. Chen Yuwen, Dean, Hainan College signed the MOUs for Deccan Institute & Hainan College respectively.',
    )!;
    expect(s.split?.map((g) => g.signers.map((x) => x.name))).toEqual([
      ['Lena Voss', 'Arjun Mehta'],
      ['Lena Voss', 'Chen Yuwen'],
    ]);
    expect(s.split?.map((g) => g.parties[g.parties.length - 1])).toEqual([
      'Deccan Institute',
      'Hainan College',
    ]);
  });
  it('one agreement signed "respectively" for two sides stays one signing', () => {
    const s = findSigning(
      'Liu Bo and Anna Berg signed the cooperation agreement on behalf of Yunhe University and Lund Clinic respectively.',
    )!;
    expect(s.split).toBeUndefined();
    expect(s.signers.map((x) => x.name)).toEqual(['Liu Bo', 'Anna Berg']);
  });
});
