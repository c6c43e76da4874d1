/**
 * /about [private]
 * What the bot knows: how many articles, signings and dated events, and the articles, newest first, with
 * their dates and links.
 */
import { SlashCommandBuilder } from 'discord.js';
import { about } from '../src/answers/about.ts';
import type { Command } from '../src/bot/command.ts';
import { aboutEmbeds } from '../src/bot/render/embeds.ts';
import { send } from '../src/bot/respond.ts';
import { everywhere, privateOption } from './options.ts';

export const aboutCommand: Command = {
  data: everywhere(new SlashCommandBuilder())
    .setName('about')
    .setDescription('The articles the answers come from: how many, their titles and dates')
    .addBooleanOption(privateOption),

  async execute(interaction, { index }) {
    await send(interaction, { embeds: aboutEmbeds(about(index)) });
    return 'answered';
  },
};
