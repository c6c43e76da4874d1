/**
 * Message context menu "Find the source": on any message, Accord privately replies with the passages of
 * the corpus that support what the message says, or says that none does.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { findSource } from '../src/answers/source.ts';
import type { MessageCommand } from '../src/bot/command.ts';
import { sourceReply } from '../src/bot/answer.ts';
import { send } from '../src/bot/respond.ts';
import { everywhere } from './options.ts';

export const FIND_THE_SOURCE = 'Find the source';

export const sourceCommand: MessageCommand = {
  menu: 'message',
  data: everywhere(new ContextMenuCommandBuilder())
    .setName(FIND_THE_SOURCE)
    .setType(ApplicationCommandType.Message),
  defer: true,
  async execute(interaction, { index }) {
    const text = interaction.targetMessage.content;
    const result = findSource(index, text);
    await send(interaction, sourceReply(result, text));
    return result.answers.length ? 'answered' : 'no-answer';
  },
};
