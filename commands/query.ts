/**
 * The slash commands that take a query (/ask, /who-signed, /when, /search), made from the command table
 * (src/answers/commands.ts): name, description and option from the table, answered by its function.
 */
import { SlashCommandBuilder } from 'discord.js';
import type { QueryCommand } from '../src/answers/commands.ts';
import { MAX_QUERY_LENGTH } from '../src/answers/query.ts';
import { answerCommand } from '../src/bot/answer.ts';
import type { Command } from '../src/bot/command.ts';
import { everywhere, privateOption, suggestFromIndex } from './options.ts';

export function queryCommand(spec: QueryCommand): Command {
  return {
    data: everywhere(new SlashCommandBuilder())
      .setName(spec.name)
      .setDescription(spec.description)
      .addStringOption((option) =>
        option
          .setName(spec.option.name)
          .setDescription(spec.option.description)
          .setRequired(true)
          .setMaxLength(MAX_QUERY_LENGTH)
          .setAutocomplete(true),
      )
      .addBooleanOption(privateOption),

    defer: spec.slow,

    execute: (interaction, context) =>
      answerCommand(interaction, spec.name, interaction.options.getString(spec.option.name, true), context),

    autocomplete: (interaction, context) => suggestFromIndex(spec.name, interaction, context),
  };
}
