/**
 * /search query:<text> [private]
 * The best passages for some keywords, ranked, one per article: each quoted in context with the matched
 * words bold, its article's title, date and link; Previous/Next to page through them.
 * Full-text search grows with the corpus, so the bot defers before answering.
 */
import { SlashCommandBuilder } from 'discord.js';
import { checkQuery } from '../src/answers/query.ts';
import { search } from '../src/answers/search.ts';
import type { Command } from '../src/bot/command.ts';
import { noAnswerText, searchPage } from '../src/bot/render/embeds.ts';
import { send } from '../src/bot/respond.ts';
import { privateOption, suggestFromIndex } from './options.ts';

/** Results paged through at most. */
export const SEARCH_RESULTS = 10;

export const searchCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('The best passages for some keywords, ranked, with their articles')
    .addStringOption((option) =>
      option
        .setName('query')
        .setDescription('Keywords, e.g. medical engineering')
        .setRequired(true)
        .setMaxLength(300)
        .setAutocomplete(true),
    )
    .addBooleanOption(privateOption),

  defer: true,

  async execute(interaction, { index, pages }) {
    const checked = checkQuery(interaction.options.getString('query', true));
    if (!checked.ok) {
      await send(interaction, { content: checked.reason });
      return 'rejected';
    }
    const result = search(index, checked.query, { limit: SEARCH_RESULTS });
    if (result.answers.length === 0) {
      await send(interaction, { content: noAnswerText(result) });
      return 'no-answer';
    }
    await pages.start(interaction, result.answers.length, (page) => searchPage(result, page));
    return 'answered';
  },

  autocomplete: (interaction, context) => suggestFromIndex('search', interaction, context),
};
