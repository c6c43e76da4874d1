/**
 * ACCORD_MODE=http end to end: two replicas of the HTTP interactions endpoint, each with its own index
 * of the seed corpus, and the fake Discord POSTing signed interactions to them in turn (127.0.0.1 only).
 * Answers must not depend on which replica gets a request; anything not signed by the application's key
 * is refused with 401 and an empty body, and never reaches a command.
 */
import { generateKeyPairSync } from 'node:crypto';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { ApplicationCommandType, ContextMenuCommandBuilder, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.ts';
import { FIND_THE_SOURCE } from '../../commands/source.ts';
import type { Command, MessageCommand } from '../../src/bot/command.ts';
import { answerQuery } from '../../src/answers/commands.ts';
import { pageView, SEARCH_RESULTS } from '../../src/bot/answer.ts';
import { ERROR_MESSAGE } from '../../src/bot/interactions.ts';
import { EXPIRED, NOT_YOURS } from '../../src/bot/render/pagination.ts';
import type { Index } from '../../src/index/build.ts';
import { send } from '../../src/bot/respond.ts';
import { openIndex } from '../../src/index/open.ts';
import { chatInput, snowflake, user } from '../discord/fixtures.ts';
import { DEFAULT_USER, type FakeDiscord, type InteractionRecord } from '../discord/server.ts';
import type { LogLine } from './harness.ts';
import { startReplicas, type Replicas } from './http-replicas.ts';

/** A command that answers only after `ms`: past the responder's own deferral. */
function slow(name: string, ms: number): Command {
  return {
    data: new SlashCommandBuilder()
      .setName(name)
      .setDescription('Answers late on purpose')
      .addBooleanOption((o) => o.setName('private').setDescription('Only for you')),
    async execute(interaction) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await send(interaction, { content: `${name} answered after ${ms} ms` });
      return 'answered';
    },
  };
}

/** A message menu command that answers late: a menu's answer is private, so is the deferral. */
function slowMenu(name: string, ms: number): MessageCommand {
  return {
    menu: 'message',
    data: new ContextMenuCommandBuilder().setName(name).setType(ApplicationCommandType.Message),
    async execute(interaction) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await send(interaction, { content: `${name} answered after ${ms} ms` });
      return 'answered';
    },
  };
}

/** A command that fails, right away or after deferring: the error path over HTTP. */
function failing(name: string, defer: boolean): Command {
  return {
    data: new SlashCommandBuilder().setName(name).setDescription('Fails on purpose'),
    defer,
    async execute() {
      throw new Error(`${name} failed on purpose`);
    },
  };
}

const DEFER_AFTER_MS = 400;

let r: Replicas;
let discord: FakeDiscord;
let urls: string[];
let logs: LogLine[][];

beforeAll(async () => {
  r = await startReplicas(2, {
    commands: [
      ...commands,
      slow('slow', DEFER_AFTER_MS + 500),
      slowMenu('Slow menu', DEFER_AFTER_MS + 500),
      failing('fails', false),
      failing('fails-later', true),
    ],
    deferAfterMs: DEFER_AFTER_MS,
  });
  ({ discord, urls, logs } = r);
});

afterAll(async () => r?.close());

const typeOf = (record: InteractionRecord, n = 0) => (record.callbacks[n]?.body as { type: number }).type;
const handled = (replica: number, id: string) => r.handled(replica, id);

describe('signatures', () => {
  const command = () =>
    JSON.stringify(
      chatInput(
        {
          id: snowflake(),
          token: `itoken-${snowflake()}`,
          applicationId: discord.applicationId,
          guildId: discord.guilds[0]!,
          channelId: discord.channelId,
          asker: DEFAULT_USER,
        },
        'about',
        {},
      ),
    );

  test('a ping is answered {"type":1} by every replica', async () => {
    const body = JSON.stringify({
      id: snowflake(),
      application_id: discord.applicationId,
      type: 1,
      version: 1,
    });
    for (const url of urls) {
      const answer = await discord.postRaw(url, body, discord.signedHeaders(body));
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/json');
      expect(JSON.parse(answer.text)).toEqual({ type: 1 });
    }
  });

  test('unsigned, forged, replayed with another body, malformed and stale requests get 401 and nothing else', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const body = command();
    const id = (JSON.parse(body) as { id: string }).id;
    const signedOther = discord.signedHeaders(command());
    const attempts: [string, string, Record<string, string>][] = [
      ['unsigned', body, { 'Content-Type': 'application/json' }],
      ['signed by another key', body, discord.signedHeaders(body, { key: other })],
      ['the signature of another body', body, signedOther],
      [
        'a valid signature with another timestamp',
        body,
        {
          ...discord.signedHeaders(body),
          'X-Signature-Timestamp': String(Math.floor(Date.now() / 1000) - 1),
        },
      ],
      ['a signature that is not hex', body, { ...discord.signedHeaders(body), 'X-Signature-Ed25519': 'zz' }],
      [
        'signed ten minutes ago',
        body,
        discord.signedHeaders(body, { timestamp: String(Math.floor(Date.now() / 1000) - 600) }),
      ],
      ['a ping signed by another key', '{"type":1}', discord.signedHeaders('{"type":1}', { key: other })],
    ];
    for (const url of urls) {
      for (const [what, text, headers] of attempts) {
        const answer = await discord.postRaw(url, text, headers);
        expect([what, answer.status, answer.text]).toEqual([what, 401, '']);
      }
    }
    // Nothing reached a command: no log line, no request to Discord's API.
    expect(handled(0, id) || handled(1, id)).toBe(false);
    expect(discord.requests).toHaveLength(0);
    const refused = logs.flat().filter((l) => l.msg === 'http request refused');
    expect(refused).toHaveLength(attempts.length * urls.length);
    // The same body correctly signed is served.
    const accepted = await discord.postRaw(urls[0]!, body, discord.signedHeaders(body));
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.text)).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
    });
  });

  test('only POST /interactions takes interactions; GET /health answers', async () => {
    const base = urls[0]!.replace('/interactions', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/other`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(urls[0]!)).status).toBe(405);
  });
});

describe('commands across replicas', () => {
  /** The same interaction sent to each replica in turn; the final messages must be equal. */
  async function both(send: (endpoint: number) => InteractionRecord) {
    const records = [send(0), send(1)];
    const replies = await Promise.all(records.map((r) => discord.finalReply(r)));
    expect(records.map((r) => r.endpoint)).toEqual(urls);
    return { records, replies };
  }

  test.each([
    ['who-signed', { party: 'Qingpu' }],
    ['when', { event: 'Innovation Center unveiled' }],
    ['search', { query: 'medical engineering' }],
    ['about', {}],
    ['who-signed', { party: 'no such party anywhere zzqx' }],
  ] as const)('/%s %j: both replicas give the same answer', async (name, values) => {
    const { records, replies } = await both((endpoint) => discord.command(name, values, { endpoint }));
    expect(replies[0]!.content + JSON.stringify(replies[0]!.embeds)).not.toBe('[]');
    // The message's own ids differ, and buttons name the search; everything else is the same.
    const strip = ({ content, embeds, flags, components }: (typeof replies)[number]) => ({
      content,
      embeds,
      flags,
      components: components.length,
    });
    expect(strip(replies[1]!)).toEqual(strip(replies[0]!));
    // Each replica answered the one sent to it (its log line).
    for (const [r, record] of records.entries()) {
      await discord.waitFor(() => handled(r, record.id), `replica ${r}'s log line`);
    }
    expect(discord.violations).toEqual([]);
  });

  test('/search defers in its response, then edits the reply through the webhook', async () => {
    const i = discord.command('search', { query: 'cooperation agreement' });
    const reply = await discord.finalReply(i);
    expect(typeOf(i)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(i.callbacks[0]!.method).toBe('RESPONSE');
    expect(i.webhooks.map((w) => [w.method, w.path])).toContainEqual([
      'PATCH',
      `/api/v10/webhooks/${discord.applicationId}/${i.token}/messages/@original`,
    ]);
    expect(reply.embeds[0]!.title).toBe('Search: cooperation agreement');
  });

  test('a private answer is ephemeral in the response itself', async () => {
    const i = discord.command('who-signed', { party: 'Qingpu', private: true });
    await discord.finalReply(i);
    expect(typeOf(i)).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((i.callbacks[0]!.body as { data: { flags: number } }).data.flags).toBe(MessageFlags.Ephemeral);
  });

  test('autocomplete: both replicas suggest the same choices', async () => {
    const records = [0, 1].map((endpoint) =>
      discord.autocomplete('who-signed', { party: 'Qing' }, 'party', { endpoint }),
    );
    await Promise.all(records.map((r) => discord.firstResponse(r)));
    const choices = records.map(
      (r) => (r.callbacks[0]!.body as { data: { choices: unknown[] } }).data.choices,
    );
    expect(records.map((r) => typeOf(r))).toEqual([8, 8]);
    expect(choices[0]!.length).toBeGreaterThan(0);
    expect(choices[1]).toEqual(choices[0]);
  });

  test('an answer slower than the deadline is deferred by the endpoint, then edited in', async () => {
    const i = discord.command('slow', {});
    const reply = await discord.finalReply(i);
    expect(i.latencyMs!).toBeLessThan(DEFER_AFTER_MS + 1000);
    expect(typeOf(i)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(reply.content).toBe(`slow answered after ${DEFER_AFTER_MS + 500} ms`);
    const privately = discord.command('slow', { private: true });
    await discord.finalReply(privately);
    expect((privately.callbacks[0]!.body as { data?: { flags?: number } }).data?.flags).toBe(
      MessageFlags.Ephemeral,
    );
    const menu = discord.messageMenu('Slow menu', 'any message');
    expect((await discord.finalReply(menu)).content).toBe(
      `Slow menu answered after ${DEFER_AFTER_MS + 500} ms`,
    );
    expect(menu.callbacks[0]!.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(discord.violations).toEqual([]);
  });

  test('an unknown command is answered, ephemeral', async () => {
    const i = discord.command('no-such-command', {}, { user: user('300000000000000009', 'someone') });
    await discord.firstResponse(i);
    expect(typeOf(i)).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((i.callbacks[0]!.body as { data: { flags: number } }).data.flags).toBe(MessageFlags.Ephemeral);
  });

  test('a command that fails is answered with the error message, for the asker only', async () => {
    const now = discord.command('fails', {});
    await discord.firstResponse(now);
    expect(now.callbacks[0]!.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: ERROR_MESSAGE, flags: MessageFlags.Ephemeral },
    });
    const later = discord.command('fails-later', {});
    await discord.waitFor(() => later.webhooks.find((w) => w.method === 'POST'), 'the follow-up');
    expect(typeOf(later)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    // The public "thinking…" is deleted and the asker alone is told.
    expect(later.webhooks.map((w) => w.method)).toEqual(['DELETE', 'POST']);
    expect(later.webhooks[1]!.body).toMatchObject({ content: ERROR_MESSAGE, flags: MessageFlags.Ephemeral });
    expect(discord.violations).toEqual([]);
  });
});

describe('search pages across replicas', () => {
  const buttonsOf = (components: unknown[]) =>
    (components[0] as { components: { custom_id?: string; label: string; disabled?: boolean }[] }).components;
  const idOf = (components: unknown[], label: string) =>
    buttonsOf(components).find((b) => b.label === label)!.custom_id!;
  /** The embeds of a search page, computed from an index of its own. */
  const expected = (query: string, page: number) => {
    const answered = answerQuery(index, 'search', query, { limit: SEARCH_RESULTS });
    if (!answered.ok) throw new Error(answered.reason);
    return {
      count: answered.result.answers.length,
      embeds: pageView(answered.result, page).embeds.map((e) => e.toJSON()),
    };
  };
  let index: Index;
  beforeAll(() => {
    index = openIndex('corpus', { warn: () => undefined });
  });

  test('a page turned on one replica turns on the other; only the asker turns them', async () => {
    const query = 'cooperation agreement';
    const search = discord.command('search', { query }, { endpoint: 0 });
    const first = await discord.finalReply(search);
    const { count } = expected(query, 0);
    expect(count).toBeGreaterThan(2);
    const asker = DEFAULT_USER.id;
    expect(idOf(first.components, 'Next')).toBe(`pq:search:1:${asker}:${query}`);

    // Next on replica 1, which never saw the search.
    const next = discord.press(search, idOf(first.components, 'Next'), { endpoint: 1 });
    await discord.firstResponse(next);
    expect(typeOf(next)).toBe(InteractionResponseType.UpdateMessage);
    const second = discord.messageOf(search)!;
    expect(second.embeds).toEqual(expected(query, 1).embeds);
    expect(second.embeds[0]!.footer!.text).toMatch(new RegExp(`^Result 2 of ${count} `));
    expect(
      buttonsOf(second.components)
        .map((b) => [b.label, b.disabled ?? false])
        .slice(0, 2),
    ).toEqual([
      ['Previous', false],
      ['Next', false],
    ]);

    // Next again on replica 0, then Previous on replica 1.
    const third = discord.press(search, idOf(second.components, 'Next'), { endpoint: 0 });
    await discord.firstResponse(third);
    expect(discord.messageOf(search)!.embeds).toEqual(expected(query, 2).embeds);
    const back = discord.press(search, idOf(discord.messageOf(search)!.components, 'Previous'), {
      endpoint: 1,
    });
    await discord.firstResponse(back);
    expect(discord.messageOf(search)!.embeds).toEqual(expected(query, 1).embeds);

    // Someone else: told so, for their eyes only; the message does not move.
    const stranger = discord.press(search, idOf(second.components, 'Next'), {
      endpoint: 0,
      user: user('300000000000000003', 'stranger'),
    });
    await discord.firstResponse(stranger);
    expect(stranger.callbacks[0]!.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: NOT_YOURS, flags: MessageFlags.Ephemeral },
    });
    expect(discord.messageOf(search)!.embeds).toEqual(expected(query, 1).embeds);

    // A page past the end (a made-up button): told the results expired.
    const past = discord.press(search, `pq:search:${count}:${asker}:${query}`, { endpoint: 1 });
    await discord.firstResponse(past);
    expect(past.callbacks[0]!.body).toMatchObject({
      data: { content: EXPIRED, flags: MessageFlags.Ephemeral },
    });
    expect(discord.violations).toEqual([]);
  });

  test('a query too long for the custom_id is read back from the answer and checked by its hash', async () => {
    const query =
      'cooperation agreement signed between the university and the hospital on medical engineering and research';
    const { count } = expected(query, 0);
    expect(count).toBeGreaterThan(1);
    const search = discord.command('search', { query }, { endpoint: 1 });
    const first = await discord.finalReply(search);
    const next = idOf(first.components, 'Next');
    expect(next).toMatch(new RegExp(`^ph:search:1:${DEFAULT_USER.id}:[\\w-]{22}$`));
    expect(next.length).toBeLessThanOrEqual(100);
    const turn = discord.press(search, next, { endpoint: 0 });
    await discord.firstResponse(turn);
    expect(discord.messageOf(search)!.embeds).toEqual(expected(query, 1).embeds);

    // The same hash under another title (another query's message) does not turn.
    const other = discord.command('search', { query: 'medical engineering' }, { endpoint: 0 });
    await discord.finalReply(other);
    const wrong = discord.press(other, next, { endpoint: 1 });
    await discord.firstResponse(wrong);
    expect(wrong.callbacks[0]!.body).toMatchObject({ data: { content: EXPIRED } });
    expect(discord.violations).toEqual([]);
  });
});

describe('the message menu across replicas', () => {
  test('"Find the source" on a message answers the same, privately, from either replica', async () => {
    const index = openIndex('corpus', { warn: () => undefined });
    // A sentence of an article, with an actual signing in it, as someone could paste it in a chat.
    const signing = index.facts.signings[0]!;
    const article = index.articles[signing.article]!;
    const said = article.sentences[signing.sentence]!.text;
    const records = [0, 1].map((endpoint) => discord.messageMenu(FIND_THE_SOURCE, said, { endpoint }));
    const replies = await Promise.all(records.map((r) => discord.finalReply(r)));
    for (const record of records) {
      expect(record.callbacks[0]!.body).toMatchObject({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
    }
    expect(replies[0]!.embeds.length).toBeGreaterThan(0);
    expect(replies[0]!.embeds[0]!.title).toBe('The passages that support this message');
    expect(JSON.stringify(replies[0]!.embeds)).toContain(article.title.slice(0, 30));
    expect(replies[1]!.embeds).toEqual(replies[0]!.embeds);
    expect(discord.violations).toEqual([]);
  });
});

describe('did-you-mean buttons across replicas', () => {
  test('a suggestion pressed on the other replica runs it, as public as the message it sits on', async () => {
    const ask = discord.command('when', { event: 'hospital opened ribbon' }, { endpoint: 0 });
    const reply = await discord.finalReply(ask);
    const row = reply.components[0] as { components: { custom_id?: string; label: string }[] } | undefined;
    const suggestion = row?.components.find((b) => b.custom_id?.startsWith('run:'));
    expect(suggestion, reply.content).toBeDefined();
    const press = discord.press(ask, suggestion!.custom_id!, { endpoint: 1 });
    await discord.firstResponse(press);
    expect(press.callbacks[0]!.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
    });
    const data = (
      press.callbacks[0]!.body as { data: { flags?: number; embeds?: unknown[]; content?: string } }
    ).data;
    expect(data.flags ?? 0).toBe(0);
    expect((data.embeds ?? []).length + (data.content ?? '').length).toBeGreaterThan(0);
    expect(r.handled(1, press.id)).toBe(true);
    expect(discord.violations).toEqual([]);
  });
});
