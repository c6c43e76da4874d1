/**
 * What happens around the answers: the /search buttons (only the asker, stopping after a while), the
 * cooldown, the error path (a command that throws, a callback Discord no longer knows), and a dropped
 * gateway connection.
 */
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Command } from '../../src/bot/command.ts';
import { ERROR_MESSAGE } from '../../src/bot/interactions.ts';
import { user } from '../discord/fixtures.ts';
import { interactionLog, startHarness, type Harness } from './harness.ts';

const body = (request: { body: unknown } | undefined) =>
  request?.body as {
    type: number;
    data?: { flags?: number; content?: string; embeds?: { footer?: { text: string } }[] };
  };
const buttonIds = (components: unknown[]) =>
  (components[0] as { components: { custom_id: string; label: string }[] } | undefined)?.components ?? [];

/** A command that fails, to test the error path: right away, or after deferring. */
function failing(name: string, defer: boolean): Command {
  return {
    data: new SlashCommandBuilder().setName(name).setDescription('Fails on purpose'),
    defer,
    async execute() {
      throw new Error(`${name} failed on purpose`);
    },
  };
}

describe('search pages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ searchPagesSeconds: 1 });
  });
  afterAll(async () => h?.close());

  test('Next and Previous turn the pages for the asker; another user is told no; the buttons stop', async () => {
    const search = h.discord.command('search', { query: 'cooperation agreement' });
    const first = await h.discord.finalReply(search);
    const count = Number(/of (\d+)/.exec(first.embeds[0]!.footer!.text)![1]);
    expect(count).toBeGreaterThan(1);
    const next = buttonIds(first.components).find((b) => b.label === 'Next')!;

    const turn = h.discord.press(search, next.custom_id);
    await h.discord.firstResponse(turn);
    expect(body(turn.callbacks[0]).type).toBe(InteractionResponseType.UpdateMessage);
    expect(body(turn.callbacks[0]).data!.embeds![0]!.footer!.text).toMatch(
      new RegExp(`^Result 2 of ${count} `),
    );
    const second = h.discord.messageOf(search)!;
    expect(second.embeds[0]!.footer!.text).toMatch(/^Result 2 of/);
    const previous = buttonIds(second.components).find((b) => b.label === 'Previous')!;

    const stranger = h.discord.press(search, previous.custom_id, {
      user: user('300000000000000003', 'stranger'),
    });
    await h.discord.firstResponse(stranger);
    expect(body(stranger.callbacks[0]).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body(stranger.callbacks[0]).data!.flags).toBe(MessageFlags.Ephemeral);
    expect(body(stranger.callbacks[0]).data!.content).toMatch(/^Only the person who searched/);
    expect(h.discord.messageOf(search)!.embeds[0]!.footer!.text).toMatch(/^Result 2 of/);

    const back = h.discord.press(search, previous.custom_id);
    await h.discord.firstResponse(back);
    expect(body(back.callbacks[0]).data!.embeds![0]!.footer!.text).toMatch(/^Result 1 of/);

    // Idle for searchPagesSeconds: the buttons are taken off the message; a late press is told so.
    await h.discord.waitFor(
      () => h.discord.messageOf(search)!.components.length === 0,
      'the buttons to stop',
    );
    const late = h.discord.press(search, next.custom_id);
    await h.discord.firstResponse(late);
    expect(body(late.callbacks[0]).data).toMatchObject({
      content: 'These results have expired: search again.',
      flags: MessageFlags.Ephemeral,
    });
    expect((await interactionLog(h, late.id)).outcome).toBe('expired');
    expect(h.discord.violations).toEqual([]);
  });
});

describe('cooldown', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cooldownSeconds: 60 });
  });
  afterAll(async () => h?.close());

  test('a second use of a command within the cooldown is refused, ephemeral; other users and commands go on', async () => {
    const asker = user('400000000000000004', 'eager');
    const first = h.discord.command('about', {}, { user: asker });
    await h.discord.finalReply(first);
    const again = h.discord.command('about', {}, { user: asker });
    await h.discord.firstResponse(again);
    expect(body(again.callbacks[0]).data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(body(again.callbacks[0]).data!.content).toMatch(
      /^Slow down: you can use \/about again in \d+ s\.$/,
    );
    expect((await interactionLog(h, again.id)).outcome).toBe('cooldown');
    const other = h.discord.command('about', {}, { user: user('400000000000000005', 'patient') });
    const otherCommand = h.discord.command('when', { event: 'signing' }, { user: asker });
    expect((await h.discord.finalReply(other)).embeds[0]!.title).toBe('The corpus');
    await h.discord.finalReply(otherCommand);
    expect((await interactionLog(h, otherCommand.id)).outcome).not.toBe('cooldown');
    expect(h.discord.violations).toEqual([]);
  });
});

describe('errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ commands: [...commands, failing('boom', false), failing('slow-boom', true)] });
  });
  afterAll(async () => h?.close());

  test('a command that throws is logged and answered with an ephemeral message; the bot goes on', async () => {
    const boom = h.discord.command('boom', {});
    await h.discord.firstResponse(boom);
    expect(body(boom.callbacks[0])).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: ERROR_MESSAGE, flags: MessageFlags.Ephemeral },
    });
    const logged = h.logs.find((l) => l.msg === 'interaction failed' && l.interaction === boom.id)!;
    expect(logged.level).toBe('error');
    expect((logged.error as { message: string }).message).toBe('boom failed on purpose');
    expect((await interactionLog(h, boom.id)).outcome).toBe('error');

    const after = h.discord.command('about', {});
    expect((await h.discord.finalReply(after)).embeds[0]!.title).toBe('The corpus');
  });

  test('a deferred command that throws: the deferral is removed and the error told ephemeral', async () => {
    const boom = h.discord.command('slow-boom', {});
    await h.discord.waitFor(() => boom.webhooks.find((w) => w.method === 'POST'), 'the error follow-up');
    expect(body(boom.callbacks[0]).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(boom.webhooks.map((w) => w.method)).toEqual(['DELETE', 'POST']);
    expect(boom.webhooks[1]!.body).toMatchObject({ content: ERROR_MESSAGE, flags: MessageFlags.Ephemeral });
  });

  test('a callback answered 404 Unknown interaction (10062) is logged, not fatal', async () => {
    const lost = h.discord.command('about', {}, { failCallback: true });
    const log = await interactionLog(h, lost.id);
    expect(log).toMatchObject({ level: 'info', outcome: 'unknown-interaction' });
    expect(h.logs.some((l) => l.level === 'warn' && l.interaction === lost.id && /10062/.test(l.msg))).toBe(
      true,
    );
    expect(lost.callbacks).toHaveLength(1);
    const lostSearch = h.discord.command('search', { query: 'Qingpu' }, { failCallback: true });
    expect((await interactionLog(h, lostSearch.id)).outcome).toBe('unknown-interaction');
    const after = h.discord.command('search', { query: 'Qingpu' });
    expect((await h.discord.finalReply(after)).embeds[0]!.title).toBe('Search: Qingpu');
  });

  test('no limit or ping was breached on the error paths', () => {
    expect(h.discord.violations).toEqual([]);
  });
});

describe('a dropped gateway connection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  test('the bot resumes its session and answers the next command, and the one sent while it was away', async () => {
    expect((await h.discord.finalReply(h.discord.command('about', {}))).embeds).toHaveLength(1);
    h.discord.dropConnection(0);
    const whileAway = h.discord.command('when', { event: 'signing ceremony' });
    await h.discord.waitFor(
      () => h.discord.resumes.length === 1 && h.discord.connectedShards().includes(0),
      'RESUME',
    );
    expect(h.discord.identifies).toHaveLength(1);
    const next = h.discord.command('search', { query: 'Innovation Center' });
    expect((await h.discord.finalReply(next)).embeds[0]!.title).toBe('Search: Innovation Center');
    await h.discord.finalReply(whileAway);
    expect(whileAway.callbacks).toHaveLength(1);
    await h.discord.waitFor(() => h.logs.find((l) => l.msg === 'shard resumed'), 'the resume to be logged');
    expect(h.discord.violations).toEqual([]);
  });
});
