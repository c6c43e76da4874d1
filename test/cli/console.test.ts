import { describe, expect, it } from 'vitest';
import { QUERY_COMMANDS } from '../../src/answers/commands.ts';
import { consoleLine } from '../../src/cli/console.ts';
import { seeds } from '../helpers.ts';

describe('the local console', () => {
  it('answers a slash command as the bot would, quoting the passage', () => {
    const output = consoleLine(seeds(), '/search suture needles');
    expect(output).toContain('> As pinhead like suture needles');
    expect(output).toContain(
      'Progress in Medical Engineering Interdisciplinary Collaboration between USST and SHSMU',
    );
  });

  it('lists the corpus with /about and the commands with /help, each with an example', () => {
    expect(consoleLine(seeds(), '/about')).toMatch(/^5 articles/);
    const help = consoleLine(seeds(), '/help')!;
    for (const command of QUERY_COMMANDS) {
      expect(help).toContain(`/${command.name} ${command.option.usage}`);
      expect(help).toContain(`e.g. /${command.name} ${command.example}`);
    }
  });

  it('asks a line without a slash as a question in words', () => {
    const output = consoleLine(seeds(), 'when was the innovation center unveiled?')!;
    expect(output).toMatch(/^1\. 14 November 2020: /);
    expect(consoleLine(seeds(), '/ask when was the innovation center unveiled?')).toBe(output);
  });

  it('explains an unknown command or an empty query, and quits on /quit', () => {
    expect(consoleLine(seeds(), '/dance')).toMatch(/Unknown command/);
    expect(consoleLine(seeds(), '/when   ')).toMatch(/empty/);
    expect(consoleLine(seeds(), '/quit')).toBeNull();
  });
});
