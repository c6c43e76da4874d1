/**
 * `npm start` with ACCORD_MODE=http, in its own process as people run it: no bot token, the public key
 * from the environment, listening on a free port of 127.0.0.1; it answers a ping and a command signed by
 * the fake Discord, refuses an unsigned one, and stops on SIGTERM. Every process is ended by its PID.
 */
import { generateKeyPairSync } from 'node:crypto';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { ConfigError, readConfig } from '../../src/bot/config.ts';
import { FakeDiscord, TOKEN } from '../discord/server.ts';
import { exitWithin, killLeftovers, parsed, run } from './spawn.ts';

afterAll(killLeftovers);

const publicKeyHex = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) =>
  key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

describe('npm start with ACCORD_MODE=http', () => {
  let discord: FakeDiscord | null = null;
  afterEach(async () => discord?.close());

  test('serves signed interactions on its port and stops on SIGTERM', async () => {
    discord = await FakeDiscord.start();
    const keys = generateKeyPairSync('ed25519');
    const r = run('src/main.ts', {
      ACCORD_MODE: 'http',
      DISCORD_PUBLIC_KEY: publicKeyHex(keys.publicKey),
      ACCORD_HTTP_HOST: '127.0.0.1',
      ACCORD_HTTP_PORT: '0',
      DISCORD_API_BASE: discord.restApi,
      CORPUS_DIR: 'corpus',
    });
    const listening = await discord.waitFor(
      () => parsed(r.stdout).find((l) => l.msg === 'listening'),
      'the listening log line',
      20_000,
    );
    expect(listening).toMatchObject({ mode: 'http', host: '127.0.0.1', articles: 5 });
    const url = `http://127.0.0.1:${String(listening.port)}/interactions`;
    discord.serveOverHttp([url], keys.privateKey);

    const ping = JSON.stringify({
      id: '1'.repeat(19),
      application_id: discord.applicationId,
      type: 1,
      version: 1,
    });
    const pong = await discord.postRaw(url, ping, discord.signedHeaders(ping));
    expect([pong.status, pong.text]).toEqual([200, '{"type":1}']);
    expect((await discord.postRaw(url, ping, { 'Content-Type': 'application/json' })).status).toBe(401);

    const i = discord.command('who-signed', { party: 'Qingpu' });
    const reply = await discord.finalReply(i, 10_000);
    expect((i.callbacks[0]!.body as { type: number }).type).toBe(
      InteractionResponseType.ChannelMessageWithSource,
    );
    expect(reply.embeds[0]!.title).toBe('Who signed: Qingpu');
    expect(discord.violations).toEqual([]);

    r.child.kill('SIGTERM');
    expect((await exitWithin(r, 10_000)).code).toBe(0);
    expect(parsed(r.stdout).map((l) => l.msg)).toContain('stopped');
  });

  test('without DISCORD_PUBLIC_KEY it stops at once, naming it', async () => {
    const r = run('src/main.ts', { ACCORD_MODE: 'http', CORPUS_DIR: 'corpus' });
    expect((await exitWithin(r, 15_000)).code).toBe(2);
    expect(r.stderr.join('\n')).toContain('DISCORD_PUBLIC_KEY is not set');
    expect(r.stderr.join('\n')).not.toContain('DISCORD_TOKEN');
  });
});

describe('readConfig in http mode', () => {
  const KEY = 'ab'.repeat(32);
  const problems = (env: Record<string, string>, needApplicationId = false) => {
    try {
      readConfig(env, { needApplicationId });
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  test('needs the public key, not the token; the port and host have defaults', () => {
    expect(readConfig({ ACCORD_MODE: 'http', DISCORD_PUBLIC_KEY: KEY })).toMatchObject({
      mode: 'http',
      token: '',
      publicKey: KEY,
      httpHost: '0.0.0.0',
      httpPort: 8080,
    });
    expect(
      readConfig({ ACCORD_MODE: 'HTTP', DISCORD_PUBLIC_KEY: KEY, ACCORD_HTTP_PORT: '3000' }).httpPort,
    ).toBe(3000);
  });

  test('each wrong value is named', () => {
    expect(problems({ ACCORD_MODE: 'webhooks' })).toEqual([
      'ACCORD_MODE must be gateway or http, got "webhooks".',
      'DISCORD_TOKEN is not set: put the bot token from the Developer Portal in .env.',
    ]);
    expect(
      problems({ ACCORD_MODE: 'http', DISCORD_PUBLIC_KEY: 'xyz', ACCORD_HTTP_PORT: '70000', SHARDS: '2' }),
    ).toEqual([
      'DISCORD_PUBLIC_KEY must be 64 hexadecimal digits (the Public Key in the Developer Portal).',
      'ACCORD_HTTP_PORT must be a whole number from 0 to 65535, got "70000".',
      'SHARDS is for the gateway: in ACCORD_MODE=http run more replicas.',
    ]);
    // Registering the commands still needs the token, whatever the mode.
    expect(
      problems(
        { ACCORD_MODE: 'http', DISCORD_PUBLIC_KEY: KEY, DISCORD_APPLICATION_ID: '1'.repeat(18) },
        true,
      ),
    ).toEqual(['DISCORD_TOKEN is not set: put the bot token from the Developer Portal in .env.']);
    expect(problems({ ACCORD_MODE: 'http', DISCORD_PUBLIC_KEY: KEY, DISCORD_TOKEN: TOKEN })).toEqual([]);
  });
});
