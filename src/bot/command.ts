/** What a slash command is: its definition (what Discord shows) and its handlers (what the bot does). */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Index } from '../index/build.ts';
import type { Logger } from './logger.ts';
import type { Pagination } from './render/pagination.ts';

/** What the handlers may use; one per bot (one per shard). */
export interface BotContext {
  index: Index;
  logger: Logger;
  pages: Pagination;
}

/** How an interaction ended, for the log line. */
export type Outcome = 'answered' | 'no-answer' | 'rejected';

export interface Command {
  /** The definition registered with Discord (a SlashCommandBuilder). */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** The answer may take a while: the central handler defers before `execute`. */
  defer?: boolean;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}
