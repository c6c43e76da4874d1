import { describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search.ts';
import { resultReply } from '../../src/bot/answer.ts';
import { renderText, terminalStyle, wrap } from '../../src/cli/render.ts';
import { seeds } from '../helpers.ts';

describe('text rendering', () => {
  it('wraps at spaces within the width, block quotes keeping their marker', () => {
    const lines = wrap('one two three four five six', 14, '   > ');
    expect(lines).toEqual(['   > one two', '   > three', '   > four five', '   > six']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(14);
    expect(wrap('one two three', null, '1. ')).toEqual(['1. one two three']);
  });

  it('bolds the matched words at a terminal and leaves plain output plain', () => {
    const result = search(seeds(), 'suture needles');
    const terminal = renderText(result, terminalStyle(80));
    expect(terminal).toContain('\u001b[1msuture\u001b[22m \u001b[1mneedles\u001b[22m');
    for (const line of terminal.split('\n'))
      expect(line.replaceAll('\u001b[1m', '').replaceAll('\u001b[22m', '').length).toBeLessThanOrEqual(80);
    const plain = renderText(result);
    expect(plain).not.toContain('\u001b');
    expect(plain).toMatch(/^1\. > As pinhead like suture needles/);
  });
});

describe('Discord replies', () => {
  const withSource = (source: string | null) => {
    const result = search(seeds(), 'suture needles');
    const answers = result.answers.map((a) => ({ ...a, article: { ...a.article, source } }));
    return { ...result, answers };
  };
  const links = (source: string | null) =>
    resultReply(withSource(source))
      .components!.flatMap((row) => row.toJSON().components)
      .map((button) => ('url' in button ? button.url : null));

  it('gives an answer whose article has an original address a link button to it, and no other a link', () => {
    expect(links('https://news.example.edu/2020/suture-needles')).toEqual([
      'https://news.example.edu/2020/suture-needles',
    ]);
    expect(links(null)).toEqual([]);
    expect(links('javascript:alert(1)')).toEqual([]);
  });

  it('gives a no-answer a button per did-you-mean and "Search instead", each within Discord limits', () => {
    const reply = resultReply({
      command: 'who-signed',
      query: 'x'.repeat(300),
      answers: [],
      suggestions: ['a very long suggestion '.repeat(10), 'Qingpu'],
    });
    const buttons = reply.components!.flatMap((row) => row.toJSON().components);
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual([
      expect.stringMatching(/^a very long suggestion .*…$/),
      'Qingpu',
      'Search instead',
    ]);
    for (const b of buttons) {
      expect('custom_id' in b && b.custom_id.length).toBeLessThanOrEqual(100);
      expect('label' in b && (b.label ?? '').length).toBeLessThanOrEqual(80);
    }
  });
});
