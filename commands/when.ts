/**
 * /when event:<text> [private]
 * When something happened, as a calendar day: the resolved date, the sentence that gives it, and the
 * article it comes from.
 */
import { SlashCommandBuilder } from 'discord.js';
import { checkQuery } from '../src/answers/query.ts';
import { when } from '../src/answers/when.ts';
import type { Command } from '../src/bot/command.ts';
import { eventEmbeds, noAnswerText } from '../src/bot/render/embeds.ts';
import { send } from '../src/bot/respond.ts';
import { privateOption, suggestFromIndex } from './options.ts';

export const whenCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('when')
    .setDescription('When something happened, as a calendar day, with the sentence that says so')
    .addStringOption((option) =>
      option
        .setName('event')
        .setDescription('What happened, e.g. Innovation Center unveiled')
        .setRequired(true)
        .setMaxLength(300)
        .setAutocomplete(true),
    )
    .addBooleanOption(privateOption),

  async execute(interaction, { index }) {
    const checked = checkQuery(interaction.options.getString('event', true));
    if (!checked.ok) {
      await send(interaction, { content: checked.reason });
      return 'rejected';
    }
    const result = when(index, checked.query);
    if (result.answers.length === 0) {
      await send(interaction, { content: noAnswerText(result) });
      return 'no-answer';
    }
    await send(interaction, { embeds: eventEmbeds(result) });
    return 'answered';
  },

  autocomplete: (interaction, context) => suggestFromIndex('when', interaction, context),
};
