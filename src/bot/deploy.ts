/** Registers the slash commands with Discord: in one server (instant, for development) or globally. */
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { BotCommand } from './command.ts';

export interface DeployOptions {
  token: string;
  applicationId: string;
  /** One server; null registers the commands globally. */
  guildId: string | null;
  /** REST base without the version; default Discord's. */
  apiBase?: string | null;
  /** The commands to register (commands/index.ts, handed over by the entry point). */
  commands: readonly BotCommand[];
}

export function commandDefinitions(list: readonly BotCommand[]): RESTPostAPIApplicationCommandsJSONBody[] {
  return list.map((command) => command.data.toJSON());
}

/** Replaces the application's commands (in the guild, or global) with ours; returns what Discord registered. */
export async function deployCommands(options: DeployOptions): Promise<{ scope: string; names: string[] }> {
  const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
  const body = commandDefinitions(options.commands);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return {
    scope: options.guildId ? `guild ${options.guildId}` : 'global',
    names: registered.map((command) => command.name),
  };
}
