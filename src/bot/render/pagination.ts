/**
 * `/search` pages: Previous/Next buttons under the results. The buttons' custom_id carries the search
 * (the interaction id), the asker and the page it leads to, so only the asker can turn the pages, and a
 * press after a restart is recognised and told the results expired.
 *
 * The pages of each open search are collected here until they have been idle for a while; then the
 * buttons are taken off the message. This is a collector with an idle timeout, like discord.js's
 * InteractionCollector, kept in the bot so that button presses go through the one central interaction
 * handler (its log line, its error path) instead of a listener of their own.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type EmbedBuilder,
} from 'discord.js';
import type { Logger } from '../logger.ts';
import { NO_MENTIONS, PRIVATE, send } from '../respond.ts';
import { linkButton, linkRow } from './buttons.ts';

const PREFIX = 'page';

/** A page: its embeds, and the original address of its article when it has one (a link button). */
export interface PageView {
  embeds: EmbedBuilder[];
  link: string | null;
}

interface Open {
  asker: string;
  count: number;
  render: (page: number) => PageView;
  /** The /search interaction, whose reply loses its buttons when the pages stop. */
  origin: ChatInputCommandInteraction;
  timer: NodeJS.Timeout;
}

export type PageOutcome = 'turned' | 'not-yours' | 'expired';

/** What the commands and the handler use of the pages: this collector, or the stateless pages of http mode. */
export interface Pages {
  start(
    interaction: ChatInputCommandInteraction,
    count: number,
    render: (page: number) => PageView,
  ): Promise<void>;
  owns(customId: string): boolean;
  press(interaction: ButtonInteraction): Promise<PageOutcome>;
  stopAll(): void;
}

export const NOT_YOURS = 'Only the person who searched can turn these pages: run /search yourself.';
export const EXPIRED = 'These results have expired: search again.';

export class Pagination implements Pages {
  private readonly open = new Map<string, Open>();

  constructor(private readonly options: { idleMs: number; logger: Logger; maxOpen?: number }) {}

  /** Sends page 1 of `count`, with buttons when there is more than one page. */
  async start(
    interaction: ChatInputCommandInteraction,
    count: number,
    render: (page: number) => PageView,
  ): Promise<void> {
    const key = interaction.id;
    const asker = interaction.user.id;
    const first = render(0);
    if (count <= 1) {
      await send(interaction, { embeds: first.embeds, components: linkRow(first.link) });
      return;
    }
    await send(interaction, {
      embeds: first.embeds,
      components: [buttons(key, asker, 0, count, first.link)],
    });
    this.evictOldest();
    this.open.set(key, { asker, count, render, origin: interaction, timer: this.idleTimer(key) });
  }

  /** Whether a button belongs to the pages. */
  owns(customId: string): boolean {
    return customId.startsWith(`${PREFIX}:`);
  }

  /** Answers a press of Previous or Next. */
  async press(interaction: ButtonInteraction): Promise<PageOutcome> {
    const [, key = '', asker = '', target = ''] = interaction.customId.split(':');
    if (interaction.user.id !== asker) {
      await interaction.reply({
        content: NOT_YOURS,
        ...PRIVATE,
      });
      return 'not-yours';
    }
    const entry = this.open.get(key);
    const page = Number(target);
    if (!entry || !Number.isInteger(page) || page < 0 || page >= entry.count) {
      await interaction.reply({ content: EXPIRED, ...PRIVATE });
      return 'expired';
    }
    clearTimeout(entry.timer);
    entry.timer = this.idleTimer(key);
    const view = entry.render(page);
    await interaction.update({
      embeds: view.embeds,
      components: [buttons(key, asker, page, entry.count, view.link)],
      allowedMentions: NO_MENTIONS,
    });
    return 'turned';
  }

  /** Stops every open search without touching the messages (shutting down). */
  stopAll(): void {
    for (const entry of this.open.values()) clearTimeout(entry.timer);
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }

  private idleTimer(key: string): NodeJS.Timeout {
    const timer = setTimeout(() => void this.stop(key), this.options.idleMs);
    timer.unref();
    return timer;
  }

  private async stop(key: string): Promise<void> {
    const entry = this.open.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.open.delete(key);
    try {
      await entry.origin.editReply({ components: [], allowedMentions: NO_MENTIONS });
      this.options.logger.debug('pages stopped', { search: key });
    } catch (error) {
      this.options.logger.warn('pages stopped, buttons not removed', { search: key, error });
    }
  }

  private evictOldest(): void {
    const max = this.options.maxOpen ?? 5000;
    while (this.open.size >= max) {
      const oldest = this.open.keys().next().value;
      if (oldest === undefined) return;
      void this.stop(oldest);
    }
  }
}

/**
 * Previous and Next; each custom_id names the search, the asker and the page it leads to. The page's
 * article link, when it has one, sits beside them.
 */
export function buttons(
  key: string,
  asker: string,
  page: number,
  count: number,
  link: string | null = null,
): ActionRowBuilder<ButtonBuilder> {
  return pageButtons((target) => `${PREFIX}:${key}:${asker}:${target}`, page, count, link);
}

/** Previous and Next (and the article link), each custom_id made by `idOf` from the page it leads to. */
export function pageButtons(
  idOf: (target: number) => string,
  page: number,
  count: number,
  link: string | null = null,
): ActionRowBuilder<ButtonBuilder> {
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(idOf(page - 1))
      .setLabel('Previous')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page <= 0),
    new ButtonBuilder()
      .setCustomId(idOf(page + 1))
      .setLabel('Next')
      .setStyle(ButtonStyle.Primary)
      .setDisabled(page >= count - 1),
  );
  if (link) row.addComponents(linkButton(link));
  return row;
}
