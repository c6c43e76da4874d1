import { describe, expect, it } from 'vitest';
import { consoleLine } from '../../src/cli/console.ts';
import { seeds } from './helpers.ts';

describe('the local console', () => {
  it('answers a slash command as the bot would, quoting the passage', () => {
    const output = consoleLine(seeds(), '/search suture needles');
    expect(output).toContain('> As pinhead like suture needles');
    expect(output).toContain(
      'Progress in Medical Engineering Interdisciplinary Collaboration between USST and SHSMU',
    );
  });

  it('lists the corpus with /about and the commands with /help', () => {
    expect(consoleLine(seeds(), '/about')).toMatch(/^5 articles/);
    expect(consoleLine(seeds(), '/help')).toContain('/who-signed');
  });

  it('explains an unknown command or an empty query, and quits on /quit', () => {
    expect(consoleLine(seeds(), '/dance')).toMatch(/Unknown command/);
    expect(consoleLine(seeds(), '/when   ')).toMatch(/empty/);
    expect(consoleLine(seeds(), '/quit')).toBeNull();
  });
});
