/**
 * Questions in chat: "@Accord who signed the Qingpu agreement?" in a channel, a thread or a DM gets the
 * answer /ask gives, as a reply to that message, pinging nobody. The bot reads only what Discord sends it
 * without the privileged Message Content intent: messages that mention it, and messages in its DMs. It
 * ignores bots (itself included), answers each message once (a gateway replay after a resume is not
 * answered again), and each user at most once per cooldown. A mention with no question gets the help.
 * Each message it answers gives one log line, as an interaction does.
 */
import type { Client, Message } from 'discord.js';
import { answerQuery } from '../answers/commands.ts';
import { cleanQuery } from '../answers/query.ts';
import { termsOf } from '../text/terms.ts';
import { resultReply } from './answer.ts';
import type { BotContext } from './command.ts';
import { Cooldowns, ERROR_MESSAGE, isUnknownInteraction } from './interactions.ts';
import { helpEmbeds } from './render/embeds.ts';
import { payloadOf, type Reply } from './respond.ts';

export interface MentionOptions {
  client: Client;
  context: BotContext;
  /** Seconds between two questions of one user; 0 for none. */
  cooldownSeconds: number;
}

/** Message ids remembered for "answer once": more than a resume ever replays. */
const REMEMBERED = 5000;

export type MessageHandler = (message: Message) => Promise<void>;

export function createMentionHandler({ client, context, cooldownSeconds }: MentionOptions): MessageHandler {
  const answered = new Set<string>();
  const cooldowns = new Cooldowns(cooldownSeconds * 1000);
  const { logger } = context;

  return async function onMessage(message: Message): Promise<void> {
    const me = client.user;
    if (!me || message.author.bot || message.author.id === me.id || message.webhookId || message.system)
      return;
    const direct = message.guildId === null;
    const mentioned = new RegExp(`<@!?${me.id}>`).test(message.content);
    if (!direct && !mentioned) return;
    if (answered.has(message.id)) return;
    answered.add(message.id);
    if (answered.size > REMEMBERED) answered.delete(answered.values().next().value!);

    const started = performance.now();
    const line = {
      message: message.id,
      user: message.author.id,
      guild: message.guildId,
      channel: message.channelId,
      kind: direct ? 'dm' : 'mention',
    };
    let outcome: string;
    try {
      outcome = await answer(message);
    } catch (error) {
      outcome = 'error';
      logger.error('message failed', { ...line, error });
      if (!isUnknownInteraction(error)) {
        await message.reply(payloadOf({ content: ERROR_MESSAGE })).catch(() => undefined);
      }
    }
    logger.info('message', { ...line, outcome, latencyMs: Math.round(performance.now() - started) });
  };

  async function answer(message: Message): Promise<string> {
    if (cooldowns.take(message.author.id) > 0) return 'cooldown';
    const question = cleanQuery(message.content);
    let reply: Reply;
    let outcome: string;
    if (termsOf(question).length === 0) {
      reply = { embeds: helpEmbeds() };
      outcome = 'help';
    } else {
      const result = answerQuery(context.index, 'ask', question);
      if (!result.ok) {
        reply = { content: result.reason };
        outcome = 'rejected';
      } else {
        reply = resultReply(result.result);
        outcome = result.result.answers.length ? 'answered' : 'no-answer';
      }
    }
    await message.reply(payloadOf(reply));
    return outcome;
  }
}
