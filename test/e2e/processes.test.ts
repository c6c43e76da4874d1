/**
 * The bot as people run it, in its own processes: `npm run deploy-commands`, `npm start` with a token
 * (login, an answer, graceful shutdown on SIGTERM), and two shards through ShardingManager, each answering
 * for its own guild. Every process started here is ended by its PID.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { exitWithin, killLeftovers, parsed, run } from './spawn.ts';
import { commands } from '../../commands/index.ts';
import { deployCommands } from '../../src/bot/deploy.ts';
import { snapshotPath } from '../../src/index/cache.ts';
import { loadIndex, writeSnapshot } from '../../src/index/load.ts';
import { stampOf } from '../../src/index/records.ts';
import { FakeDiscord, TOKEN } from '../discord/server.ts';

afterAll(killLeftovers);
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe('deploy-commands', () => {
  let discord: FakeDiscord | null = null;
  afterEach(async () => discord?.close());

  test('npm run deploy-commands registers the four commands and their options in the guild', async () => {
    discord = await FakeDiscord.start();
    const guild = discord.guilds[0]!;
    const r = run('scripts/deploy-commands.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_GUILD_ID: guild,
      DISCORD_API_BASE: discord.restApi,
    });
    expect((await exitWithin(r, 15_000)).code).toBe(0);
    expect(r.stdout.join('\n')).toBe(
      `Registered 7 commands (guild ${guild}): /ask, /who-signed, /when, /search, /about, /help, "Find the source"`,
    );
    expect(discord.commandPuts).toHaveLength(1);
    const put = discord.commandPuts[0]!;
    expect(put.path).toBe(`/api/v10/applications/${discord.applicationId}/guilds/${guild}/commands`);
    const body = put.body as {
      name: string;
      contexts?: number[];
      integration_types?: number[];
      options?: { name: string; type: number; required?: boolean; autocomplete?: boolean }[];
    }[];
    // Every command works in servers, DMs with the bot and group DMs, installed in a server or by a user.
    for (const command of body) {
      expect(command.contexts).toEqual([0, 1, 2]);
      expect(command.integration_types).toEqual([0, 1]);
    }
    const options = body.map((c) => [
      c.name,
      (c.options ?? []).map((o) => [o.name, o.type, o.required ?? false, o.autocomplete ?? false]),
    ]);
    expect(options).toEqual([
      [
        'ask',
        [
          ['question', 3, true, true],
          ['private', 5, false, false],
        ],
      ],
      [
        'who-signed',
        [
          ['party', 3, true, true],
          ['private', 5, false, false],
        ],
      ],
      [
        'when',
        [
          ['event', 3, true, true],
          ['private', 5, false, false],
        ],
      ],
      [
        'search',
        [
          ['query', 3, true, true],
          ['private', 5, false, false],
        ],
      ],
      ['about', [['private', 5, false, false]]],
      ['help', [['private', 5, false, false]]],
      ['Find the source', []],
    ]);
    expect(discord.violations).toEqual([]);
  });

  test('a token pasted into DISCORD_APPLICATION_ID is not repeated on stderr: exit 2', async () => {
    const r = run('scripts/deploy-commands.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: TOKEN,
      DISCORD_API_BASE: 'http://127.0.0.1:9/api',
    });
    expect((await exitWithin(r, 15_000)).code).toBe(2);
    const stderr = r.stderr.join('\n');
    expect(stderr).toContain('DISCORD_APPLICATION_ID must be a Discord id');
    expect(stderr + r.stdout.join('\n')).not.toContain(TOKEN.split('.')[0]);
  });

  test('a refused registration is told in one line: exit 1', async () => {
    discord = await FakeDiscord.start();
    const r = run('scripts/deploy-commands.ts', {
      DISCORD_TOKEN: TOKEN.replace(/.$/, 'x'),
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restApi,
    });
    expect((await exitWithin(r, 15_000)).code).toBe(1);
    expect(r.stderr).toEqual(['Could not register the commands: 401: Unauthorized']);
  });

  test('without a guild, the commands are registered globally', async () => {
    discord = await FakeDiscord.start();
    const result = await deployCommands({
      commands,
      token: TOKEN,
      applicationId: discord.applicationId,
      guildId: null,
      apiBase: discord.restApi,
    });
    expect(result).toEqual({
      scope: 'global',
      names: ['ask', 'who-signed', 'when', 'search', 'about', 'help', 'Find the source'],
    });
    expect(discord.commandPuts[0]!.path).toBe(`/api/v10/applications/${discord.applicationId}/commands`);
  });
});

describe('npm start with a token', () => {
  let discord: FakeDiscord | null = null;
  afterEach(async () => discord?.close());

  /** A local port nothing listens on: connections to it are refused. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  test('a login that cannot reach Discord says so, not "check DISCORD_TOKEN", and leaves no unhandled rejection', async () => {
    const r = run('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: `http://127.0.0.1:${await closedPort()}/api`,
      CORPUS_DIR: 'corpus',
    });
    expect((await exitWithin(r, 20_000)).code).toBe(1);
    const logs = parsed(r.stdout);
    const failed = logs.find((l) => String(l.msg).startsWith('login failed'));
    expect(failed?.msg).toMatch(
      /^login failed: could not reach Discord \(ECONNREFUSED\): check DISCORD_API_BASE/,
    );
    expect(failed?.msg).not.toMatch(/DISCORD_TOKEN/);
    expect(logs.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([failed?.msg]);
    expect(r.stderr.join('\n')).toBe('');
  });

  test('a login Discord refuses points at the token', async () => {
    discord = await FakeDiscord.start();
    const r = run('src/main.ts', {
      DISCORD_TOKEN: TOKEN.replace(/.$/, 'x'),
      DISCORD_API_BASE: discord.restApi,
      CORPUS_DIR: 'corpus',
    });
    expect((await exitWithin(r, 20_000)).code).toBe(1);
    const errors = parsed(r.stdout).filter((l) => l.level === 'error');
    expect(errors.map((l) => l.msg)).toEqual([
      'login failed: check DISCORD_TOKEN (and DISCORD_API_BASE if set)',
    ]);
  });

  test('a corpus folder that does not exist: one line on stderr, exit 2', async () => {
    const r = run('src/main.ts', { DISCORD_TOKEN: TOKEN, CORPUS_DIR: 'no-such-folder' });
    expect((await exitWithin(r, 20_000)).code).toBe(2);
    expect(r.stderr).toEqual(['CORPUS_DIR: The corpus folder no-such-folder does not exist.']);
  });

  test('logs in, answers, and shuts down cleanly on SIGTERM', async () => {
    discord = await FakeDiscord.start();
    const d = discord;
    const r = run('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: d.restApi,
      CORPUS_DIR: 'corpus',
      LOG_LEVEL: 'info',
      COOLDOWN_SECONDS: '0',
    });
    await d.waitFor(() => parsed(r.stdout).find((l) => l.msg === 'ready'), 'the bot to be ready', 20_000);
    const i = d.command('about', {});
    expect((await d.finalReply(i)).embeds[0]!.description).toMatch(/^5 articles/);
    await d.waitFor(() => parsed(r.stdout).find((l) => l.msg === 'interaction'), 'the interaction log line');
    r.child.kill('SIGTERM');
    expect(await exitWithin(r, 10_000)).toEqual({ code: 0, signal: null });
    const logs = parsed(r.stdout);
    expect(logs.find((l) => l.msg === 'interaction')).toMatchObject({
      command: 'about',
      outcome: 'answered',
    });
    expect(logs.find((l) => l.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
    expect(logs.at(-1)!.msg).toBe('stopped');
    expect(r.stdout.join('\n') + r.stderr.join('\n')).not.toContain(TOKEN);
    expect(d.violations).toEqual([]);
  });

  test('after a warm start, a file changed behind the cache is read again and its new text answered', async () => {
    // A cache that trusts a.txt's stamp though the file no longer says what the cache holds.
    const root = mkdtempSync(join(tmpdir(), 'accord-trusted-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const corpus = join(root, 'corpus');
    const cache = join(root, 'cache');
    mkdirSync(corpus);
    const article = (place: string) =>
      `Robotics Lab Opens\n\nMarch 3, 2022\n\nThe robotics lab opened in ${place}.\n`;
    writeFileSync(join(corpus, 'a.txt'), article('Leeds'));
    writeFileSync(join(corpus, 'b.txt'), 'Library Unveiled\n\nMarch 4, 2022\n\nA library opened in York.\n');
    const { index } = await loadIndex(corpus, { cacheDir: cache, warn: () => {} });
    writeFileSync(join(corpus, 'a.txt'), article('Derby'));
    index.records.get('a.txt')!.stamp = stampOf(join(corpus, 'a.txt'), Date.now() + 60_000);
    writeSnapshot(snapshotPath(cache, corpus), index, (line) => {
      throw new Error(line);
    });
    // Past the racy window (records.ts RACY_MS), so that the start trusts the stamps.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    discord = await FakeDiscord.start();
    const d = discord;
    const r = run('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: d.restApi,
      CORPUS_DIR: corpus,
      ACCORD_CACHE_DIR: cache,
      LOG_LEVEL: 'info',
      COOLDOWN_SECONDS: '0',
    });
    await d.waitFor(() => parsed(r.stdout).find((l) => l.msg === 'ready'), 'the bot to be ready', 20_000);
    // 'Derby' is only in the file's new text: the old one, served from the cache, finds nothing.
    const found = (reply: unknown) => JSON.stringify(reply).includes('Robotics Lab Opens · published');
    let reply: unknown = null;
    for (let i = 0; i < 20 && !found(reply); i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      reply = await d.finalReply(d.command('search', { query: 'Derby' }));
    }
    expect(JSON.stringify(reply)).toMatch(/Derby/);
    expect(found(reply)).toBe(true);
    const leeds = await d.finalReply(d.command('search', { query: 'Leeds' }));
    expect(JSON.stringify(leeds)).not.toContain('Robotics Lab Opens · published');
    r.child.kill('SIGTERM');
    expect(await exitWithin(r, 10_000)).toEqual({ code: 0, signal: null });
    expect(d.violations).toEqual([]);
  }, 40_000);
});
