/** What several commands share. */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type AutocompleteInteraction,
  type ContextMenuCommandBuilder,
  type SlashCommandBooleanOption,
  type SlashCommandBuilder,
} from 'discord.js';
import { autocomplete } from '../src/answers/autocomplete.ts';
import type { QueryCommandName } from '../src/answers/types.ts';
import type { BotContext } from '../src/bot/command.ts';
import { choicesOf } from '../src/bot/respond.ts';

/** `private`: the answer only for the asker (an ephemeral reply). */
export const privateOption = (option: SlashCommandBooleanOption) =>
  option.setName('private').setDescription('Show the answer only to you');

/**
 * Where a command works: in servers, in DMs with the bot and in group DMs, whether the bot is installed in
 * a server or by a user to their account.
 */
export function everywhere<B extends SlashCommandBuilder | ContextMenuCommandBuilder>(builder: B): B {
  builder
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
  return builder;
}

/** Answers the autocomplete of a command's text option with what the corpus holds. */
export async function suggestFromIndex(
  command: QueryCommandName,
  interaction: AutocompleteInteraction,
  { index }: BotContext,
): Promise<void> {
  const typed = String(interaction.options.getFocused());
  await interaction.respond(choicesOf(autocomplete(index, command, typed)));
}
