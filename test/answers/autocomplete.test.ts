import { describe, expect, it } from 'vitest';
import { autocomplete, MAX_CHOICES } from '../../src/answers/autocomplete.ts';
import { parseArticle } from '../../src/corpus/parse.ts';
import { updateIndex } from '../../src/index/build.ts';
import { recordOf } from '../../src/index/records.ts';
import { indexOf, seeds } from '../helpers.ts';

describe('autocomplete', () => {
  it('completes the word being typed after the words typed before it, in the corpus spelling', () => {
    const choices = autocomplete(seeds(), 'search', 'pinhead sutu');
    expect(choices).toContain('pinhead suture');
  });

  it('waits for three letters before completing from the whole vocabulary', () => {
    const choices = autocomplete(seeds(), 'search', 'zz q');
    expect(choices.every((c) => !c.startsWith('zz '))).toBe(true);
  });

  it('offers the parties of the signings for /who-signed, at most 25, each at most 100 characters', () => {
    const choices = autocomplete(seeds(), 'who-signed', 'qing');
    expect(choices.some((c) => c.includes('Qingpu'))).toBe(true);
    const all = autocomplete(seeds(), 'who-signed', '');
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(MAX_CHOICES);
    for (const c of all) expect(c.length).toBeLessThanOrEqual(100);
  });

  it('follows the corpus when it changes', () => {
    const index = indexOf({
      'a.txt': 'Robotics Lab Opens\n\nMay 2, 2023\n\nThe robotics lab opened in Leeds on May 1.',
    });
    expect(autocomplete(index, 'search', 'observ')).toEqual([]);
    const added = parseArticle(
      'b.txt',
      'Observatory Unveiled\n\nMay 9, 2023\n\nThe observatory was unveiled on May 8.',
    );
    updateIndex(index, { added: [recordOf(added, 'b')], removed: [], skipped: [] });
    expect(autocomplete(index, 'search', 'observ')).toContain('Observatory Unveiled');
  });
});

describe('autocomplete of /ask', () => {
  it('completes the question being typed: its framing kept, its topic completed as its kind would be', () => {
    const choices = autocomplete(seeds(), 'ask', 'who signed with qingp');
    expect(choices.length).toBeGreaterThan(0);
    for (const choice of choices) {
      expect(choice.startsWith('who signed with ')).toBe(true);
      expect(choice.length).toBeLessThanOrEqual(100);
    }
    expect(choices.some((c) => c.includes('Qingpu'))).toBe(true);
    const when = autocomplete(seeds(), 'ask', 'when was the unveil');
    expect(when.some((c) => /^when was the .*unveil/i.test(c))).toBe(true);
  });
});
