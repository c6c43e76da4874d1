import { describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search.ts';
import { renderText, terminalStyle, wrap } from '../../src/cli/render.ts';
import { seeds } from './helpers.ts';

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
