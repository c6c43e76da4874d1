/** Sending a reply the same way whether or not the central handler deferred it. */
import {
  MessageFlags,
  type ActionRowBuilder,
  type ButtonBuilder,
  type ChatInputCommandInteraction,
  type EmbedBuilder,
  type Message,
} from 'discord.js';
import { cutMarkdown, LIMITS } from './render/limits.ts';

/** No mention in any reply ever pings anyone: not a quote, not an echoed query. */
export const NO_MENTIONS = { parse: [] as never[] };

export interface Reply {
  content?: string;
  embeds?: EmbedBuilder[];
  components?: ActionRowBuilder<ButtonBuilder>[];
}

/** Whether the asker wants the answer for their eyes only (the `private` option). */
export function isPrivate(interaction: ChatInputCommandInteraction): boolean {
  return interaction.options.getBoolean('private') ?? false;
}

/** Replies, or edits the deferred reply; returns the message when Discord sends it back. */
export async function send(interaction: ChatInputCommandInteraction, reply: Reply): Promise<Message | null> {
  const payload = {
    ...(reply.content !== undefined ? { content: cutMarkdown(reply.content, LIMITS.content) } : {}),
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    allowedMentions: NO_MENTIONS,
  };
  if (interaction.deferred || interaction.replied) return interaction.editReply(payload);
  await interaction.reply({ ...payload, flags: isPrivate(interaction) ? MessageFlags.Ephemeral : undefined });
  return null;
}
