/** Sending a reply the same way whether or not the central handler deferred it. */
import {
  MessageFlags,
  type ActionRowBuilder,
  type ButtonBuilder,
  type ChatInputCommandInteraction,
  type EmbedBuilder,
  type Message,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { cut } from '../text/cut.ts';
import { forDiscord } from '../text/safe.ts';
import { cutMarkdown, LIMITS } from './render/limits.ts';

/** No mention in any reply ever pings anyone: not a quote, not an echoed query, not the asker. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

/** The flags and mentions of a reply for the asker's eyes only. */
export const PRIVATE = { flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;

/** The flags of a reply: ephemeral when private. */
export function replyFlags(isPrivate: boolean): MessageFlags.Ephemeral | undefined {
  return isPrivate ? MessageFlags.Ephemeral : undefined;
}

export interface Reply {
  content?: string;
  embeds?: EmbedBuilder[];
  components?: ActionRowBuilder<ButtonBuilder>[];
}

type Answerable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/**
 * Whether the asker wants the answer for their eyes only (the `private` option). "Find the source" is
 * always private: it comments on someone else's message.
 */
export function isPrivate(interaction: Answerable): boolean {
  if (!interaction.isChatInputCommand()) return true;
  return interaction.options.getBoolean('private') ?? false;
}

/** A reply as Discord takes it: content cut to its limit, no mentions parsed. */
export function payloadOf(reply: Reply) {
  return {
    ...(reply.content !== undefined
      ? { content: cutMarkdown(forDiscord(reply.content), LIMITS.content) }
      : {}),
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    allowedMentions: NO_MENTIONS,
  };
}

/** Replies, or edits the deferred reply; returns the message when Discord sends it back. */
export async function send(interaction: Answerable, reply: Reply): Promise<Message | null> {
  const payload = payloadOf(reply);
  if (interaction.deferred || interaction.replied) return interaction.editReply(payload);
  await interaction.reply({ ...payload, flags: replyFlags(isPrivate(interaction)) });
  return null;
}

/** Discord's limits on autocomplete: 25 choices, each name and value 1 to 100 characters. */
export const CHOICE_LIMITS = { choices: 25, length: 100 } as const;

/**
 * Autocomplete choices as Discord takes them. A name is shown to whoever types, and comes from the corpus
 * (titles, parties, events): it goes through forDiscord (invisible characters removed, mentions
 * neutralised) on one line, cut to 100 characters; a name left empty is dropped. The value is what the
 * option will hold once picked, and is answered as any typed text is (answers/query.ts cleanQuery).
 */
export function choicesOf(texts: readonly string[]): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const text of texts) {
    const name = cut(forDiscord(text).replace(/\s+/g, ' ').trim(), CHOICE_LIMITS.length);
    const value = cut(text, CHOICE_LIMITS.length);
    if (name !== '' && value !== '') out.push({ name, value });
    if (out.length === CHOICE_LIMITS.choices) break;
  }
  return out;
}
