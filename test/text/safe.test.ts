import { describe, expect, it } from 'vitest';
import { about } from '../../src/answers/about.ts';
import { checkQuery, cleanQuery } from '../../src/answers/query.ts';
import { search } from '../../src/answers/search.ts';
import { aboutEmbeds, noAnswerText, searchPage } from '../../src/bot/render/embeds.ts';
import { consoleLine } from '../../src/cli/console.ts';
import { renderText, terminalStyle } from '../../src/cli/render.ts';
import { forDiscord, forTerminal } from '../../src/text/safe.ts';
import { indexOf } from '../helpers.ts';

/** Any character a terminal would obey rather than show. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** A mention Discord would render, once the characters that take no room are removed. */
const MENTION = /@(?:everyone|here)|<@[!&]?\d+>|<#\d+>/;
const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff]/;

const HOSTILE_ARTICLE = [
  'Hostile Lab Signs Agreement\u001b]0;pwned\u0007 With Tester Institute',
  '',
  'March 3, 2021',
  '',
  'The Hostile Lab and the Tester Institute signed an agreement on robotics\u001b[2J\u001b[31m today @everyone @\u200beveryone <@123456789012345678> <@\u200b&42> **bold** [link](https://evil.example) @here.',
].join('\n');

describe('text for a terminal', () => {
  it('shows escape, bell and newline as symbols instead of obeying them', () => {
    const shown = forTerminal('a\u001b]0;title\u0007b\nc\u009bd\u202eе');
    expect(shown).not.toMatch(OBEYED);
    expect(shown).not.toContain('\n');
    expect(shown).not.toContain('\u202e');
    expect(shown).toContain('\u241b'); // ␛
    expect(shown).toContain('\u2407'); // ␇
    expect(shown).toContain('\u240a'); // ␊
  });

  it('keeps an article from writing escape sequences through the console and `ask`', () => {
    const index = indexOf({ 'hostile.txt': HOSTILE_ARTICLE });
    const result = search(index, 'robotics Tester');
    expect(result.answers.length).toBeGreaterThan(0);
    for (const text of [renderText(result), consoleLine(index, '/search robotics Tester')!]) {
      expect(text).not.toMatch(OBEYED);
      expect(text).toContain('\u241b');
    }
    // At a terminal the only escapes are the bold the renderer adds itself.
    const styled = renderText(result, terminalStyle(100))
      .replaceAll('\u001b[1m', '')
      .replaceAll('\u001b[22m', '');
    expect(styled).not.toMatch(OBEYED);
  });

  it('prints a file name holding a newline on one line', () => {
    const index = indexOf({ 'two\nlines.txt': 'Title\n\nJanuary 2, 2020\n\nA sentence.' });
    const lines = consoleLine(index, '/about')!.split('\n');
    expect(lines.some((l) => l.includes('two\u240alines'))).toBe(true);
    expect(lines.every((l) => !/^lines/.test(l))).toBe(true);
  });
});

describe('text for Discord', () => {
  it('removes invisible characters before it neutralises mentions', () => {
    for (const text of [
      '@\u200beveryone',
      '@\ufeffhere',
      '<@\u200b123456789012345678>',
      '<@\u2060&42>',
      '@everyone',
    ]) {
      const safe = forDiscord(text);
      expect(safe).not.toMatch(MENTION);
      expect(safe).not.toMatch(ZERO_WIDTH);
      expect(safe.replace(/[^\p{L}\p{N}]/gu, '')).toBe(text.replace(/[^\p{L}\p{N}]/gu, ''));
    }
    expect(forDiscord('line one\nline two')).toBe('line one\nline two');
  });

  it('keeps a query from bringing a mention back through cleaning', () => {
    expect(cleanQuery('@\u200beveryone Qingpu <@\u200b123456789012345678>')).toBe('Qingpu');
    const checked = checkQuery('@\u200beveryone @\u200bhere');
    expect(checked.ok).toBe(false);
  });

  it('sends an article full of mentions with none of them live', () => {
    const index = indexOf({ 'hostile\u200b@everyone.txt': HOSTILE_ARTICLE });
    const result = search(index, 'robotics Tester');
    expect(result.answers.length).toBeGreaterThan(0);
    const sent = [
      ...searchPage(result, 0).map((e) => JSON.stringify(e.toJSON())),
      ...aboutEmbeds(about(index)).map((e) => JSON.stringify(e.toJSON())),
      noAnswerText(search(index, 'nothing\u200b@everyone')),
    ].join('\n');
    expect(sent).not.toMatch(MENTION);
    expect(sent).not.toMatch(ZERO_WIDTH);
    expect(sent).not.toContain('\\u001b');
    expect(sent).toContain('robotics');
  });
});
