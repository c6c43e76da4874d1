/**
 * The buttons under an answer: on a no-answer, one per did-you-mean (pressing it runs that query) and
 * "Search instead"; under an answer whose article gives its original address, a link to it.
 * A button's custom_id carries what it runs, `run:<command>:<query>`, so a press works after a restart.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { isQueryCommand } from '../../answers/commands.ts';
import { kindOf, type QueryCommandName, type Result } from '../../answers/types.ts';
import { cut, LIMITS } from './limits.ts';

const PREFIX = 'run';
/** Did-you-mean buttons at most (a row holds five, one is left for "Search instead"). */
const SUGGESTIONS_MAX = 4;

export interface RunRequest {
  command: QueryCommandName;
  query: string;
}

/** The custom_id of a button that runs `query` with `command`: the query cut at a word to fit. */
export function runId(command: QueryCommandName, query: string): string {
  const head = `${PREFIX}:${command}:`;
  const room = LIMITS.customId - head.length;
  let text = query.replace(/\s+/g, ' ').trim();
  if (text.length > room) {
    const space = text.lastIndexOf(' ', room);
    text = text.slice(0, space > room / 2 ? space : room).trim();
  }
  return `${head}${text}`;
}

/** What a run button asks, or null when the custom_id is not one. */
export function parseRun(customId: string): RunRequest | null {
  const match = /^run:([a-z-]+):(.+)$/s.exec(customId);
  if (!match || !isQueryCommand(match[1]!)) return null;
  return { command: match[1], query: match[2]! };
}

export function isRunButton(customId: string): boolean {
  return customId.startsWith(`${PREFIX}:`);
}

/** The buttons of a no-answer: each suggestion runs as the same kind of question; "Search instead". */
export function noAnswerButtons(result: Result): ActionRowBuilder<ButtonBuilder>[] {
  const kind = kindOf(result);
  const buttons: ButtonBuilder[] = [];
  const ids = new Set<string>();
  const add = (id: string, label: string, style: ButtonStyle) => {
    if (ids.has(id) || buttons.length >= 5) return;
    ids.add(id);
    buttons.push(
      new ButtonBuilder().setCustomId(id).setLabel(cut(label, LIMITS.buttonLabel)).setStyle(style),
    );
  };
  for (const suggestion of result.suggestions.slice(0, SUGGESTIONS_MAX)) {
    add(runId(kind, suggestion), suggestion, ButtonStyle.Primary);
  }
  if (kind !== 'search') add(runId('search', result.query), 'Search instead', ButtonStyle.Secondary);
  return buttons.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] : [];
}

/** A link button to the article's original address. */
export function linkButton(url: string): ButtonBuilder {
  return new ButtonBuilder().setStyle(ButtonStyle.Link).setURL(url).setLabel('Read the article');
}

export function linkRow(url: string | null): ActionRowBuilder<ButtonBuilder>[] {
  return url ? [new ActionRowBuilder<ButtonBuilder>().addComponents(linkButton(url))] : [];
}
