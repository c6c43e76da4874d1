import { describe, expect, it } from 'vitest';
import { findEvent } from '../../src/facts/events.ts';

describe('events', () => {
  it('a ceremony held, with what it was for and where', () => {
    expect(
      findEvent(
        'On August 8th, the launching ceremony of collaboration between USST and Shanghai Gongli Hospital was held at auditorium of USST.',
      ),
    ).toEqual({
      event: 'launching ceremony of collaboration between USST and Shanghai Gongli Hospital',
      place: 'auditorium of USST',
      gathering: true,
    });
    expect(
      findEvent('The start-up meeting has been held at 9:00 am on September 26th in the VIP room.')?.event,
    ).toBe('start-up meeting');
  });
  it('a ceremony witnessed', () => {
    expect(
      findEvent(
        'On November 14th, present at the meeting were Zong Ming and others, who together witnessed the unveiling ceremony of the Shanghai High-end Medical Equipment Innovation Center and all expected to make new achievements.',
      )?.event,
    ).toBe('unveiling ceremony of the Shanghai High-end Medical Equipment Innovation Center');
  });
  it('launches, openings and inaugurations, active and passive', () => {
    expect(
      findEvent(
        'The University of Toronto officially launched the Centre for Quantum Materials on November 27.',
      )?.event,
    ).toBe('launched the Centre for Quantum Materials');
    expect(findEvent('The unit was officially opened by Mayor Karen Holt.')?.event).toBe('unit opened');
  });
  it('no event in a figure of speech, a plan or a statistic', () => {
    expect(
      findEvent(
        'Ding pointed out that the cooperation has unveiled a new path for medical-engineering cooperation.',
      ),
    ).toBeNull();
    expect(
      findEvent('We need to explore the establishment of the Institute of Medical-Industrial Integration.'),
    ).toBeNull();
    expect(
      findEvent('Over 159 cooperative projects have been launched of which 7 have industrial value.'),
    ).toBeNull();
    expect(findEvent('The university plans to open a second centre in Montreal.')).toBeNull();
  });
});

describe('visits and presentations', () => {
  it('a delegation led to, received from, or visiting a place: who visited whom', () => {
    expect(
      findEvent(
        'Dean Ruth Ober of Kessler University led a delegation to Nanhai Hospital on May 3 for talks.',
      )?.event,
    ).toBe('visit of a delegation from Kessler University to Nanhai Hospital');
    expect(
      findEvent(
        'On May 3, Qiao Lin, President of Nanhai Hospital met with a delegation from Kessler University.',
      )?.event,
    ).toBe('visit of a delegation from Kessler University to Nanhai Hospital');
    expect(findEvent('On 3 May, a delegation led by Provost Ruth Ober visited Nanhai Hospital.')?.event).toBe(
      'visit of a delegation to Nanhai Hospital',
    );
  });
  it('not a visit: a plan, or a tour of places that are not organisations', () => {
    expect(findEvent('Next year the president will lead a delegation to Nanhai Hospital.')).toBeNull();
    expect(findEvent('After the talks, the delegation visited the teaching wards.')).toBeNull();
  });
  it('findings presented at a named meeting', () => {
    expect(
      findEvent(
        'The group presented their trial results at the Nordic Congress of Cardiology in Oslo on 2 May 2021.',
      )?.event,
    ).toBe('presentation of the findings at the Nordic Congress of Cardiology');
  });
});

describe('events of other shapes', () => {
  it('"The ribbon was cut on Friday by ..." is a ribbon cutting; a ribbon to be cut is none', () => {
    expect(
      findEvent('The ribbon was cut on Friday by the provincial health minister, Ms Jane Ross.')?.event,
    ).toBe('ribbon cutting');
    expect(findEvent('The ribbon will be cut on Friday by the minister.')).toBeNull();
  });

  it('"which was blessed and inaugurated": two joined verbs, the thing named before "which"', () => {
    expect(
      findEvent(
        "After lunch, the guests toured the hospital's new Maternity Wing, which was blessed and inaugurated on March 3.",
      )?.event,
    ).toBe("hospital's new Maternity Wing inaugurated");
    expect(findEvent('The clinic was renovated and opened on May 2.')?.event).toBe('clinic opened');
  });

  it('"X, which opened on 1 March": an active relative clause is the event of the thing named before "which"', () => {
    const e = findEvent('The minister visited the new Riverside Learning Hub, which opened on 1 March.');
    expect(e?.event).toBe('Riverside Learning Hub opened');
    expect(e?.needsDate).toBeUndefined();
    expect(
      findEvent('Pupils toured the Harbour Science Gallery, which officially opened in June.')?.event,
    ).toBe('Harbour Science Gallery opened');
    // No named thing before "which": no event.
    expect(findEvent('They walked to the old library, which opened on 1 March.')).toBeNull();
  });

  it('something that opens today, whatever it cost', () => {
    expect(
      findEvent(
        'Part of a new health precinct, the $45 million Harbour Institute for Imaging and Data opens today at the city campus.',
      )?.event,
    ).toBe('Harbour Institute for Imaging and Data opens');
  });
  it('a meeting hosted, leaders gathered for a ribbon cutting', () => {
    expect(findEvent('On Monday, the college hosted a planning meeting with its partners.')?.event).toBe(
      'planning meeting',
    );
    expect(findEvent('Some 200 guests gathered for a ribbon-cutting ceremony on Friday.')?.event).toBe(
      'ribbon-cutting ceremony',
    );
    expect(findEvent('The college often hosts visitors.')).toBeNull();
  });
});

describe('events of common verbs', () => {
  it('approved, visited, voted to approve, cut the ribbon on', () => {
    expect(
      findEvent('The Board of Trustees approved the partnership with Valley Health on May 17.'),
    ).toMatchObject({
      event: 'approved the partnership',
      needsDate: true,
    });
    expect(findEvent('Minister Ana Costa visited the new Lisbon Heart Centre on Monday.')?.event).toBe(
      'visited the new Lisbon Heart Centre',
    );
    expect(findEvent('The trustees voted unanimously on May 17 to approve the merger.')?.event).toBe(
      'vote to approve the merger',
    );
    expect(findEvent('The mayor cut the ribbon on the Alamosa telehealth hub on Monday.')?.event).toBe(
      'ribbon cutting of Alamosa telehealth hub',
    );
    expect(findEvent('The council will vote to approve the merger.')).toBeNull();
  });
});
