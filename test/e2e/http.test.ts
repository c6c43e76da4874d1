/**
 * ACCORD_MODE=http end to end: two replicas of the HTTP interactions endpoint, each with its own index
 * of the seed corpus, and the fake Discord POSTing signed interactions to them in turn (127.0.0.1 only).
 * Answers must not depend on which replica gets a request; anything not signed by the application's key
 * is refused with 401 and an empty body, and never reaches a command.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Command } from '../../src/bot/command.ts';
import { createHttpInteractions, type HttpInteractions } from '../../src/bot/http/server.ts';
import { ERROR_MESSAGE } from '../../src/bot/interactions.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { send } from '../../src/bot/respond.ts';
import { openIndex } from '../../src/index/open.ts';
import { chatInput, snowflake, user } from '../discord/fixtures.ts';
import { DEFAULT_USER, FakeDiscord, type InteractionRecord } from '../discord/server.ts';
import type { LogLine } from './harness.ts';

/** The raw 32-byte public key, as the Developer Portal shows it: 64 hex digits. */
function publicKeyHex(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

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

let discord: FakeDiscord;
let keys: { publicKey: KeyObject; privateKey: KeyObject };
const replicas: HttpInteractions[] = [];
const urls: string[] = [];
const logs: LogLine[][] = [];

beforeAll(async () => {
  discord = await FakeDiscord.start();
  keys = generateKeyPairSync('ed25519');
  for (let r = 0; r < 2; r++) {
    const lines: LogLine[] = [];
    logs.push(lines);
    const replica = createHttpInteractions({
      // Each replica its own index: nothing is shared but the corpus folder.
      index: openIndex('corpus', { warn: () => undefined }),
      logger: createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as LogLine) }),
      publicKey: publicKeyHex(keys.publicKey),
      cooldownSeconds: 0,
      searchPagesSeconds: 300,
      restApi: discord.restApi,
      commands: [
        ...commands,
        slow('slow', DEFER_AFTER_MS + 500),
        failing('fails', false),
        failing('fails-later', true),
      ],
      deferAfterMs: DEFER_AFTER_MS,
    });
    replicas.push(replica);
    const address = await replica.listen(0, '127.0.0.1');
    urls.push(`http://127.0.0.1:${address.port}/interactions`);
  }
  discord.serveOverHttp(urls, keys.privateKey);
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await discord?.close();
});

const typeOf = (record: InteractionRecord, n = 0) => (record.callbacks[n]?.body as { type: number }).type;
const handled = (r: number, id: string) =>
  logs[r]!.some((l) => l.msg === 'interaction' && l.interaction === id);

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
