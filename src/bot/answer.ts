/**
 * A result as a Discord reply, the same for a slash command, a button, a mention and the console's twin:
 * the answer's embeds with a link button to its article, or a no-answer line with a button for each
 * did-you-mean and "Search instead". Slash commands check the query, answer and render through
 * `answerCommand`, the one place that does it.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { answerQuery } from '../answers/commands.ts';
import { kindOf, type QueryCommandName, type Result } from '../answers/types.ts';
import type { BotContext, Outcome } from './command.ts';
import { linkRow, noAnswerButtons } from './render/buttons.ts';
import type { PageView } from './render/pagination.ts';
import { noAnswerText, resultEmbeds, resultLink, sourceEmbeds } from './render/embeds.ts';
import { send, type Reply } from './respond.ts';

/** Search results paged through at most. */
export const SEARCH_RESULTS = 10;

/** The reply to a result: its answer (the first page of a search), or a no-answer with its buttons. */
export function resultReply(result: Result): Reply {
  if (result.answers.length === 0) {
    return { content: noAnswerText(result), components: noAnswerButtons(result) };
  }
  return { embeds: resultEmbeds(result), components: linkRow(resultLink(result)) };
}

/** One page of a search result: the passage of `page` and its article link. */
export function pageView(result: Result, page: number): PageView {
  return { embeds: resultEmbeds(result, page), link: resultLink(result, page) };
}

/** Checks the query a slash command was given, answers it and replies; search results get pages. */
export async function answerCommand(
  interaction: ChatInputCommandInteraction,
  command: QueryCommandName,
  raw: string,
  { index, pages }: BotContext,
): Promise<Outcome> {
  const answered = answerQuery(index, command, raw, { limit: SEARCH_RESULTS });
  if (!answered.ok) {
    await send(interaction, { content: answered.reason });
    return 'rejected';
  }
  const { result } = answered;
  if (result.answers.length === 0) {
    await send(interaction, resultReply(result));
    return 'no-answer';
  }
  if (kindOf(result) === 'search') {
    await pages.start(interaction, result.answers.length, (page) => pageView(result, page));
  } else await send(interaction, resultReply(result));
  return 'answered';
}

/** "Find the source": the supporting passages, or a line saying that none does. */
export function sourceReply(result: Result, message: string): Reply {
  if (result.answers.length === 0) {
    const what = message.trim() ? 'what this message says' : 'this message (it has no text to look for)';
    return { content: `No passage of the corpus supports ${what}.` };
  }
  return { embeds: sourceEmbeds(result), components: linkRow(resultLink(result)) };
}
