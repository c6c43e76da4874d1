/**
 * The one interaction handler: every slash command, autocomplete and button goes through here.
 * It routes, applies the per-user cooldown, defers the commands that may take long, and catches every
 * error: logged, answered with an ephemeral message, and the bot goes on. An interaction Discord no
 * longer knows (10062 Unknown interaction: answered too late, or twice) is logged, not fatal.
 * Each interaction gives exactly one log line: kind, command, outcome, latency.
 */
import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { answerQuery } from '../answers/commands.ts';
import { resultReply, SEARCH_RESULTS } from './answer.ts';
import type { BotCommand, BotContext } from './command.ts';
import type { LogFields } from './logger.ts';
import { isRunButton, parseRun } from './render/buttons.ts';
import { isPrivate, payloadOf, PRIVATE, replyFlags } from './respond.ts';

export interface HandlerOptions {
  commands: readonly BotCommand[];
  context: BotContext;
  /** Seconds between two uses of one command by one user; 0 for none. */
  cooldownSeconds: number;
}

export const ERROR_MESSAGE =
  'Something went wrong while answering. It has been logged; please try again later.';

export type InteractionHandler = (interaction: Interaction) => Promise<void>;

export function createInteractionHandler(options: HandlerOptions): InteractionHandler {
  const { context } = options;
  const byName = new Map(options.commands.map((command) => [command.data.name, command]));
  const cooldowns = new Cooldowns(options.cooldownSeconds * 1000);

  async function runCommand(
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  ): Promise<string> {
    const command = byName.get(interaction.commandName);
    const menu = interaction.isMessageContextMenuCommand();
    if (!command || 'menu' in command !== menu) {
      await interaction.reply({
        content: 'This command is not known to this version of the bot.',
        ...PRIVATE,
      });
      return 'unknown-command';
    }
    const wait = cooldowns.take(`${interaction.user.id}:${command.data.name}`);
    if (wait > 0) {
      const name = menu ? `"${command.data.name}"` : `/${command.data.name}`;
      await interaction.reply({
        content: `Slow down: you can use ${name} again in ${Math.ceil(wait / 1000)} s.`,
        ...PRIVATE,
      });
      return 'cooldown';
    }
    if (command.defer) await interaction.deferReply({ flags: replyFlags(isPrivate(interaction)) });
    if ('menu' in command) {
      return interaction.isMessageContextMenuCommand() ? command.execute(interaction, context) : 'ignored';
    }
    return interaction.isChatInputCommand() ? command.execute(interaction, context) : 'ignored';
  }

  /** A did-you-mean or "Search instead" button: runs its query and replies as the message it sits on. */
  async function runButton(interaction: ButtonInteraction): Promise<string> {
    const run = parseRun(interaction.customId);
    if (!run) return 'ignored';
    const wait = cooldowns.take(`${interaction.user.id}:${run.command}`);
    if (wait > 0) {
      await interaction.reply({
        content: `Slow down: you can ask again in ${Math.ceil(wait / 1000)} s.`,
        ...PRIVATE,
      });
      return 'cooldown';
    }
    const answered = answerQuery(context.index, run.command, run.query, { limit: SEARCH_RESULTS });
    const reply = answered.ok ? resultReply(answered.result) : { content: answered.reason };
    await interaction.reply({
      ...payloadOf(reply),
      flags: replyFlags(interaction.message.flags.has('Ephemeral')),
    });
    return answered.ok && answered.result.answers.length ? 'answered' : 'no-answer';
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<string> {
    const command = byName.get(interaction.commandName);
    if (!command || 'menu' in command || !command.autocomplete) {
      await interaction.respond([]);
      return 'no-choices';
    }
    await command.autocomplete(interaction, context);
    return 'suggested';
  }

  return async function handleInteraction(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const line: LogFields = describe(interaction);
    let outcome: string;
    try {
      if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        outcome = await runCommand(interaction);
      } else if (interaction.isAutocomplete()) outcome = await runAutocomplete(interaction);
      else if (interaction.isButton() && context.pages.owns(interaction.customId)) {
        outcome = await context.pages.press(interaction);
      } else if (interaction.isButton() && isRunButton(interaction.customId)) {
        outcome = await runButton(interaction);
      } else outcome = 'ignored';
    } catch (error) {
      outcome = await failed(interaction, error, context, line);
    }
    context.logger.info('interaction', {
      ...line,
      outcome,
      latencyMs: Math.round(performance.now() - started),
    });
  };
}

/** The error path: log, then tell the asker (ephemeral) when Discord still accepts an answer. */
async function failed(interaction: Interaction, error: unknown, context: BotContext, line: LogFields) {
  const { logger } = context;
  if (isUnknownInteraction(error)) {
    logger.warn('unknown interaction: answered too late or twice (10062), dropped', { ...line, error });
    return 'unknown-interaction';
  }
  logger.error('interaction failed', { ...line, error });
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      const message = { content: ERROR_MESSAGE, ...PRIVATE } as const;
      if (interaction.deferred && !interaction.replied) {
        // The deferred "thinking…" may be public: remove it, and tell the asker alone.
        await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp(message);
      } else if (interaction.replied) await interaction.followUp(message);
      else await interaction.reply(message);
    }
  } catch (replyError) {
    logger.warn('could not tell the user about the error', { ...line, error: replyError });
  }
  return 'error';
}

export function isUnknownInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction;
}

function describe(interaction: Interaction): LogFields {
  const fields: LogFields = {
    interaction: interaction.id,
    user: interaction.user.id,
    guild: interaction.guildId,
  };
  if (interaction.isChatInputCommand())
    return { ...fields, kind: 'command', command: interaction.commandName };
  if (interaction.isMessageContextMenuCommand())
    return { ...fields, kind: 'context-menu', command: interaction.commandName };
  if (interaction.isAutocomplete())
    return { ...fields, kind: 'autocomplete', command: interaction.commandName };
  if (interaction.isButton()) return { ...fields, kind: 'button', customId: interaction.customId };
  return { ...fields, kind: `type-${interaction.type}` };
}

/** When each user last used each command; entries older than the cooldown are dropped as it grows. */
export class Cooldowns {
  private readonly last = new Map<string, number>();

  constructor(private readonly ms: number) {}

  /** 0 and records the use when allowed; else the milliseconds left to wait. */
  take(key: string): number {
    if (this.ms <= 0) return 0;
    const now = Date.now();
    const previous = this.last.get(key);
    if (previous !== undefined && now - previous < this.ms) return this.ms - (now - previous);
    this.last.set(key, now);
    if (this.last.size > 10_000) {
      for (const [k, at] of this.last) if (now - at >= this.ms) this.last.delete(k);
    }
    return 0;
  }
}
