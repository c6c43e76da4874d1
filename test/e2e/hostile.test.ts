/**
 * Hostile input against the bot, over the local Discord: members sending the costliest queries they can
 * type do not make another member miss Discord's 3-second deadline; a 1,000-character autocomplete value
 * is answered with valid choices; an article full of mentions and Markdown is quoted with none of them live.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseArticle } from '../../src/corpus/parse.ts';
import { generateCorpus } from '../../scripts/generate/corpus.ts';
import { buildIndex } from '../../src/index/build.ts';
import { user } from '../discord/fixtures.ts';
import type { InteractionRecord } from '../discord/server.ts';
import { startHarness, type Harness } from './harness.ts';

/** A mention Discord would render (and, but for allowed_mentions, ping). */
const MENTION = /@(?:everyone|here)|<@[!&]?\d+>|<#\d+>/;

const MENTIONS_ARTICLE = [
  'Zanzibar Optics Signs Pact @everyone',
  '',
  'May 4, 2021',
  '',
  'The Zanzibar Optics board @here and <@123456789012345678> signed a lens pact with <@&987654321098765432> in <#555555555555555555> @\u200beveryone.',
  '',
  'The **lens** pact [click](https://evil.example) covers `code` and ~~strike~~ and ||spoiler|| and # heading.',
].join('\n');

let h: Harness;
beforeAll(async () => {
  // 1,000 articles: enough vocabulary for an unbounded query to cost seconds.
  const generated = generateCorpus({ articles: 1000, seed: 3 });
  const index = buildIndex({
    articles: [
      ...generated.files.map((f) => parseArticle(f.file, f.text)),
      parseArticle('zanzibar-optics.txt', MENTIONS_ARTICLE),
    ],
    skipped: [],
  });
  h = await startHarness({ index, cooldownSeconds: 3 });
}, 180_000);
afterAll(async () => h?.close());

test('two members sending hostile queries do not make a third miss the 3 s deadline', async () => {
  const hostile = ['e '.repeat(150).trim(), 'e\u0301 '.repeat(100).trim()];
  const sent: InteractionRecord[] = [];
  hostile.forEach((query, k) => {
    // Five commands each, within the cooldown rules (one use of each command, two autocompletes).
    const asker = { user: user(String(700_000_000_000_000_000n + BigInt(k)), `hostile${k}`) };
    sent.push(h.discord.command('search', { query }, asker));
    sent.push(h.discord.command('who-signed', { party: query }, asker));
    sent.push(h.discord.command('when', { event: query }, asker));
    sent.push(h.discord.autocomplete('search', { query }, 'query', asker));
    sent.push(h.discord.autocomplete('who-signed', { party: query }, 'party', asker));
  });
  const third = h.discord.command(
    'who-signed',
    { party: 'Zanzibar Optics' },
    { user: user('700000000000000099', 'bystander') },
  );
  await h.discord.finalReply(third, 10_000);
  expect(third.latencyMs).not.toBeNull();
  expect(third.latencyMs!).toBeLessThan(3000);
  await h.discord.waitFor(
    () => sent.every((r) => r.callbacks.length > 0),
    'every hostile interaction to be answered',
    10_000,
  );
  for (const record of sent) expect(record.latencyMs!).toBeLessThan(3000);
  expect(h.discord.violations).toEqual([]);
}, 30_000);

test('a 1,000-character autocomplete value gets valid choices in time', async () => {
  const typed = 'Zanzibar Optics lens pact '.repeat(40).slice(0, 1000);
  const record = h.discord.autocomplete('search', { query: typed }, 'query');
  await h.discord.waitFor(() => record.callbacks.length > 0, 'the choices', 10_000);
  const body = record.callbacks[0]!.body as { data: { choices: { name: string; value: string }[] } };
  expect(body.data.choices.length).toBeLessThanOrEqual(25);
  for (const choice of body.data.choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  expect(record.latencyMs!).toBeLessThan(3000);
  expect(h.discord.violations).toEqual([]);
});

test('an article full of mentions and Markdown is quoted with no mention live and its Markdown shown', async () => {
  const record = h.discord.command('search', { query: 'Zanzibar lens pact' });
  const reply = await h.discord.finalReply(record, 10_000);
  const sent = JSON.stringify(reply);
  expect(sent).toMatch(/Zanzibar/);
  expect(sent).not.toMatch(MENTION);
  expect(sent).not.toMatch(/\u200b/);
  // Markdown of the article is escaped, not rendered: no bare link, no code span opened by the article.
  expect(sent).not.toMatch(/(?<!\\)\[click\]\(https/);
  const webhook = record.webhooks.find((w) => w.method === 'PATCH')?.body as {
    allowed_mentions?: { parse: string[] };
  };
  expect(webhook?.allowed_mentions?.parse).toEqual([]);
  expect(h.discord.violations).toEqual([]);
});

test('autocomplete offers the names of an article full of mentions with none of them live', async () => {
  const asked = [
    h.discord.autocomplete('search', { query: 'Zanzibar' }, 'query'),
    h.discord.autocomplete('who-signed', { party: 'Zanzibar' }, 'party'),
    h.discord.autocomplete('search', { query: 'Zanzibar Optics Signs Pact @' }, 'query'),
  ];
  await h.discord.waitFor(() => asked.every((r) => r.callbacks.length > 0), 'the choices', 10_000);
  const names = asked.flatMap((record) => {
    const body = record.callbacks[0]!.body as { data: { choices: { name: string; value: string }[] } };
    return body.data.choices.map((c) => c.name);
  });
  // The title is offered, its mention shown with a full-width @ that pings nobody.
  expect(names).toContain('Zanzibar Optics Signs Pact \uff20everyone');
  for (const name of names) {
    expect(name).not.toMatch(MENTION);
    expect(name).not.toMatch(/[\u200b\n]/);
    expect(name.length).toBeLessThanOrEqual(100);
  }
  expect(h.discord.violations).toEqual([]);
});
