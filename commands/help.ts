/** /help: each command with one example, and the other ways to ask (a mention, "Find the source"). */
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { helpEmbeds } from '../src/bot/render/embeds.ts';
import { send } from '../src/bot/respond.ts';
import { everywhere, privateOption } from './options.ts';

export const helpCommand: Command = {
  data: everywhere(new SlashCommandBuilder())
    .setName('help')
    .setDescription('Each command with an example')
    .addBooleanOption(privateOption),

  async execute(interaction) {
    await send(interaction, { embeds: helpEmbeds() });
    return 'answered';
  },
};
