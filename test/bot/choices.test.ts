import { describe, expect, test } from 'vitest';
import { choicesOf } from '../../src/bot/respond.ts';

describe('autocomplete choices', () => {
  test('names are made safe for Discord: invisible characters gone, then mentions neutralised', () => {
    const [choice] = choicesOf([
      'Pact signed @\u200beveryone with <@123456789012345678> in <#555555555555555555>',
    ]);
    expect(choice!.name).toBe(
      'Pact signed \uff20everyone with <\uff20123456789012345678> in <\uff03555555555555555555>',
    );
    // The value is what the option holds once picked; it is answered as typed text is.
    expect(choice!.value).toBe(
      'Pact signed @\u200beveryone with <@123456789012345678> in <#555555555555555555>',
    );
  });

  test('a name is one line of at most 100 characters, a name left empty is dropped, 25 at most', () => {
    const long = `Title\nwith a line break ${'word '.repeat(60)}`;
    const choices = choicesOf([long, '\u200b\u200d', ...Array.from({ length: 40 }, (_, i) => `Choice ${i}`)]);
    expect(choices).toHaveLength(25);
    expect(choices[0]!.name).toMatch(/^Title with a line break word/);
    expect(choices[0]!.name.length).toBeLessThanOrEqual(100);
    expect(choices[0]!.value.length).toBeLessThanOrEqual(100);
    expect(choices[1]!.name).toBe('Choice 0');
    for (const c of choices) expect(c.name).not.toMatch(/\n/);
  });
});
