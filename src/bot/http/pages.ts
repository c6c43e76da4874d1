/**
 * Search pages for ACCORD_MODE=http, kept in the buttons instead of in memory: a Previous/Next custom_id
 * says which command, which page, whose search and what query, so whichever replica gets the press
 * answers the query again (the same index gives the same results) and shows that page.
 *
 *   pq:<command>:<page>:<asker>:<query>    when the query fits in the custom_id's 100 characters
 *   ph:<command>:<page>:<asker>:<hash>     otherwise: the query is read back from the message's title
 *                                          ("Search: <query>") and must have that hash, or the press is
 *                                          told the results expired
 *
 * Nothing expires with time: the pages turn for as long as the message exists. A result that has
 * changed under a corpus update shows its current page, and a page beyond its end is told expired.
 */
import { createHash } from 'node:crypto';
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { answerQuery, isQueryCommand, queryCommand } from '../../answers/commands.ts';
import { cleanQuery } from '../../answers/query.ts';
import { kindOf, type QueryCommandName } from '../../answers/types.ts';
import type { Index } from '../../index/build.ts';
import { pageView, SEARCH_RESULTS } from '../answer.ts';
import { linkRow } from '../render/buttons.ts';
import {
  EXPIRED,
  NOT_YOURS,
  pageButtons,
  type PageOutcome,
  type PageView,
  type Pages,
} from '../render/pagination.ts';
import { NO_MENTIONS, PRIVATE, send } from '../respond.ts';

const CUSTOM_ID_MAX = 100;
const ID = /^(pq|ph):([a-z-]+):(-?\d+):(\d+):(.+)$/s;
const TITLE = 'Search: ';

interface PageState {
  command: QueryCommandName;
  asker: string;
  /** The cleaned query, as the answer's title shows it. */
  query: string;
}

export class StatelessPages implements Pages {
  constructor(private readonly index: Index) {}

  async start(
    interaction: ChatInputCommandInteraction,
    count: number,
    render: (page: number) => PageView,
  ): Promise<void> {
    const first = render(0);
    const state = stateOf(interaction);
    if (count <= 1 || !state) {
      await send(interaction, { embeds: first.embeds, components: linkRow(first.link) });
      return;
    }
    await send(interaction, {
      embeds: first.embeds,
      components: [pageButtons((target) => customId(state, target), 0, count, first.link)],
    });
  }

  owns(id: string): boolean {
    return id.startsWith('pq:') || id.startsWith('ph:');
  }

  async press(interaction: ButtonInteraction): Promise<PageOutcome> {
    const match = ID.exec(interaction.customId);
    if (match && interaction.user.id !== match[4]) {
      await interaction.reply({ content: NOT_YOURS, ...PRIVATE });
      return 'not-yours';
    }
    const command = match?.[2] ?? '';
    const query =
      match?.[1] === 'pq' ? match[5]! : match ? queryFromTitle(interaction.message.embeds, match[5]!) : null;
    const page = Number(match?.[3]);
    const answered =
      query !== null && isQueryCommand(command)
        ? answerQuery(this.index, command, query, { limit: SEARCH_RESULTS })
        : null;
    const result = answered?.ok ? answered.result : null;
    if (!result || kindOf(result) !== 'search' || !(page >= 0 && page < result.answers.length)) {
      await interaction.reply({ content: EXPIRED, ...PRIVATE });
      return 'expired';
    }
    const state: PageState = { command: command as QueryCommandName, asker: match![4]!, query: query! };
    const view = pageView(result, page);
    await interaction.update({
      embeds: view.embeds,
      components: [pageButtons((target) => customId(state, target), page, result.answers.length, view.link)],
      allowedMentions: NO_MENTIONS,
    });
    return 'turned';
  }

  stopAll(): void {}
}

/** The command and query a slash command was given, when it is a query command. */
function stateOf(interaction: ChatInputCommandInteraction): PageState | null {
  const command = interaction.commandName;
  if (!isQueryCommand(command)) return null;
  const raw = interaction.options.getString(queryCommand(command).option.name) ?? '';
  return { command, asker: interaction.user.id, query: cleanQuery(raw) };
}

function customId(state: PageState, target: number): string {
  const head = `${state.command}:${target}:${state.asker}:`;
  const plain = `pq:${head}${state.query}`;
  return plain.length <= CUSTOM_ID_MAX ? plain : `ph:${head}${hashOf(state.query)}`;
}

function hashOf(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 22);
}

/** The query of a search answer's title ("Search: <escaped query>"), when it has this hash. */
function queryFromTitle(embeds: readonly { title?: string | null }[], hash: string): string | null {
  for (const embed of embeds) {
    const title = embed.title ?? '';
    if (!title.startsWith(TITLE)) continue;
    const query = unescapeMarkdown(title.slice(TITLE.length));
    if (hashOf(query) === hash) return query;
  }
  return null;
}

/** Undoes Markdown escaping: a backslash before a character that is not a letter, digit or space. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}
