/** Options that several commands share. */
import type { AutocompleteInteraction, SlashCommandBooleanOption } from 'discord.js';
import { autocomplete } from '../src/answers/autocomplete.ts';
import type { CommandName } from '../src/answers/types.ts';
import type { BotContext } from '../src/bot/command.ts';

/** `private`: the answer only for the asker (an ephemeral reply). */
export const privateOption = (option: SlashCommandBooleanOption) =>
  option.setName('private').setDescription('Show the answer only to you');

/** Answers the autocomplete of a command's text option with what the corpus holds. */
export async function suggestFromIndex(
  command: CommandName,
  interaction: AutocompleteInteraction,
  { index }: BotContext,
): Promise<void> {
  const typed = String(interaction.options.getFocused());
  await interaction.respond(autocomplete(index, command, typed).map((text) => ({ name: text, value: text })));
}
