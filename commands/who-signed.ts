/**
 * /who-signed party:<text> [private]
 * Who signed an agreement, for which organisation, and when: the signers with their roles and
 * organisations, the sentence that says so, and the article it comes from.
 */
import { SlashCommandBuilder } from 'discord.js';
import { checkQuery } from '../src/answers/query.ts';
import { whoSigned } from '../src/answers/whoSigned.ts';
import type { Command } from '../src/bot/command.ts';
import { noAnswerText, signingEmbeds } from '../src/bot/render/embeds.ts';
import { send } from '../src/bot/respond.ts';
import { privateOption, suggestFromIndex } from './options.ts';

export const whoSignedCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('who-signed')
    .setDescription('Who signed an agreement: signers, their roles and organisations, and when')
    .addStringOption((option) =>
      option
        .setName('party')
        .setDescription('A party, a signer or an agreement, e.g. Qingpu')
        .setRequired(true)
        .setMaxLength(300)
        .setAutocomplete(true),
    )
    .addBooleanOption(privateOption),

  async execute(interaction, { index }) {
    const checked = checkQuery(interaction.options.getString('party', true));
    if (!checked.ok) {
      await send(interaction, { content: checked.reason });
      return 'rejected';
    }
    const result = whoSigned(index, checked.query);
    if (result.answers.length === 0) {
      await send(interaction, { content: noAnswerText(result) });
      return 'no-answer';
    }
    await send(interaction, { embeds: signingEmbeds(result) });
    return 'answered';
  },

  autocomplete: (interaction, context) => suggestFromIndex('who-signed', interaction, context),
};
