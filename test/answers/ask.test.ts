/** `ask`: what a question in words asks, its topic, and the answer of the kind that answers it. */
import { describe, expect, it } from 'vitest';
import { ask, intentOf, topicOf } from '../../src/answers/ask.ts';
import { indexOf } from '../helpers.ts';

const ARTICLES = {
  'lakeside.txt': [
    'Lakeside University and Northfield Hospital Sign Teaching Agreement',
    '',
    'March 9, 2023',
    '',
    'On March 8, Professor Alan Reyes, President of Lakeside University, and Dr. Maria Chen, Chief Executive of Northfield Hospital, signed a teaching agreement at the hospital.',
    'The agreement will create forty clinical placements for nursing students every year.',
    'The new simulation centre of the hospital was opened on March 7 by the city mayor.',
  ].join('\n'),
  'harbour.txt': [
    'Harbour Institute Launches Marine Robotics Lab',
    '',
    'June 2, 2022',
    '',
    'The Harbour Institute launched its Marine Robotics Lab on June 1 in the presence of partners.',
    'The lab will build underwater drones to survey coral reefs.',
  ].join('\n'),
};

describe('what a question asks', () => {
  it.each([
    ['who signed the teaching agreement?', 'who-signed'],
    ['Which officials put pen to paper for Northfield?', 'who-signed'],
    ['hi, could you tell me who sigend for lakeside uni pls', 'who-signed'],
    ['names of the signatories of the Northfield deal', 'who-signed'],
    ['When was the simulation centre opened?', 'when'],
    ['what date did lakeside sign with northfield', 'when'],
    ['wehn did the harbour institute launch the robotics lab', 'when'],
    ['Who opened the simulation centre?', 'search'],
    ['tell me about the marine robotics lab', 'search'],
    ['How many clinical placements will there be?', 'search'],
  ])('%j asks %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });

  it('strips the framing of the question before the fact search', () => {
    expect(topicOf('Hello! Could you tell me who signed the agreement with Northfield?', 'who-signed')).toBe(
      'the agreement with Northfield',
    );
    expect(topicOf('when was the simulation centre opened?', 'when')).toBe('the simulation centre opened');
    expect(topicOf('who signed for lakeside univ.', 'who-signed')).toBe('for lakeside University');
    expect(topicOf('Hi there, I was wondering how many placements there will be', 'search')).toBe(
      'many placements there will be',
    );
  });
});

describe('ask', () => {
  const index = indexOf(ARTICLES);

  it('answers who signed with the signers, as /who-signed', () => {
    const result = ask(index, 'who put pen to paper for northfield hospital?');
    expect(result.as).toBe('who-signed');
    if (result.as !== 'who-signed') return;
    expect(result.answers[0]!.signers.map((s) => s.name)).toEqual(['Alan Reyes', 'Maria Chen']);
    expect(result.answers[0]!.date).toBe('2023-03-08');
  });

  it('answers when with the date of the event', () => {
    const result = ask(index, 'When did the Harbour Institute launch its robotics lab?');
    expect(result.as).toBe('when');
    if (result.as !== 'when') return;
    expect(result.answers[0]!.date).toBe('2022-06-01');
    expect(result.answers[0]!.article.id).toBe('harbour');
  });

  it('answers anything else with passages, and a fact question no fact answers too', () => {
    const passages = ask(index, 'what will the lab build?');
    expect(passages.as).toBe('search');
    expect(passages.answers[0]!.quote).toBe('The lab will build underwater drones to survey coral reefs.');
    const unsigned = ask(index, 'who signed the coral reef survey agreement?');
    expect(unsigned.as).toBe('search');
    expect(unsigned.answers.every((a) => !('signers' in a))).toBe(true);
  });

  it('never answers who signed with an event', () => {
    const result = ask(index, 'who signed at the opening of the simulation centre?');
    expect(result.as).not.toBe('when');
  });
});
