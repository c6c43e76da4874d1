/** What a command is: its definition (what Discord shows) and its handlers (what the bot does). */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Index } from '../index/build.ts';
import type { Logger } from './logger.ts';
import type { Pages } from './render/pagination.ts';

/** What the handlers may use; one per bot (one per shard). */
export interface BotContext {
  index: Index;
  logger: Logger;
  pages: Pages;
}

/** How an interaction ended, for the log line. */
export type Outcome = 'answered' | 'no-answer' | 'rejected';

/** A slash command. */
export interface Command {
  /** The definition registered with Discord (a SlashCommandBuilder). */
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** The answer may take a while: the central handler defers before `execute`. */
  defer?: boolean;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** A message context menu command ("Find the source"): run on a message someone right-clicks. */
export interface MessageCommand {
  menu: 'message';
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  defer?: boolean;
  execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<Outcome>;
}

export type BotCommand = Command | MessageCommand;
