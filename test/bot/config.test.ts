/** Start-up configuration: each wrong or missing value named, the token's value never printed. */
import { describe, expect, test } from 'vitest';
import { ConfigError, readCacheDir, readConfig, readStartConfig } from '../../src/bot/config.ts';
import { TOKEN } from '../discord/server.ts';

function problems(env: Record<string, string>, needApplicationId = false): string[] {
  try {
    readConfig(env, { needApplicationId });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('readConfig', () => {
  test('defaults with only a token', () => {
    expect(readConfig({ DISCORD_TOKEN: TOKEN })).toEqual({
      mode: 'gateway',
      token: TOKEN,
      publicKey: null,
      httpHost: '0.0.0.0',
      httpPort: 8080,
      applicationId: null,
      guildId: null,
      corpusDir: 'corpus',
      logLevel: 'info',
      cooldownSeconds: 3,
      shards: 1,
      shardSpawnDelayMs: 5500,
      searchPagesSeconds: 300,
      apiBase: null,
      cacheDir: '.accord-cache',
      shardId: null,
    });
  });

  test('a token or secret pasted into an id variable is never repeated; digits are', () => {
    const found = problems(
      { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: TOKEN, DISCORD_GUILD_ID: '12345' },
      true,
    );
    expect(found).toEqual([
      `DISCORD_APPLICATION_ID must be a Discord id (17 to 20 digits), got ${TOKEN.length} characters (not shown: it may be a secret).`,
      'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits), got "12345".',
    ]);
    const secret = 'k2Jx9QpLm4RtVw7YzA1bC3dE5fG6hI8j';
    for (const name of [
      'DISCORD_GUILD_ID',
      'LOG_LEVEL',
      'ACCORD_MODE',
      'COOLDOWN_SECONDS',
      'DISCORD_API_BASE',
    ])
      expect(
        problems({ DISCORD_TOKEN: TOKEN, [name]: secret })
          .join('\n')
          .toLowerCase(),
      ).not.toContain(secret.slice(4).toLowerCase());
  });

  test('ACCORD_CACHE_DIR: a folder, "off" or empty for none, .accord-cache when unset', () => {
    expect(readCacheDir({})).toBe('.accord-cache');
    expect(readCacheDir({ ACCORD_CACHE_DIR: '/var/cache/accord' })).toBe('/var/cache/accord');
    expect(readCacheDir({ ACCORD_CACHE_DIR: 'off' })).toBeNull();
    expect(readCacheDir({ ACCORD_CACHE_DIR: ' ' })).toBeNull();
  });

  test('npm start runs the bot with a token or in http mode, else the console', () => {
    expect(readStartConfig({})).toEqual({ bot: false, corpusDir: 'corpus', cacheDir: '.accord-cache' });
    expect(readStartConfig({ DISCORD_TOKEN: TOKEN, CORPUS_DIR: 'news' }).bot).toBe(true);
    expect(readStartConfig({ ACCORD_MODE: 'HTTP' }).bot).toBe(true);
    expect(readStartConfig({ DISCORD_TOKEN: ' ', CORPUS_DIR: ' ' })).toMatchObject({
      bot: false,
      corpusDir: 'corpus',
    });
  });

  test('every problem is reported at once, each naming its variable, never the token', () => {
    const secret = 'Bot abc.def.ghi';
    const found = problems(
      {
        DISCORD_TOKEN: secret,
        DISCORD_GUILD_ID: 'my-server',
        LOG_LEVEL: 'loud',
        COOLDOWN_SECONDS: 'soon',
        SHARDS: '0',
        DISCORD_API_BASE: 'http://127.0.0.1:9/api/v10',
      },
      true,
    );
    expect(found).toEqual([
      'DISCORD_TOKEN starts with "Bot ": give the token alone.',
      'DISCORD_APPLICATION_ID is not set: copy it from the Developer Portal.',
      'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits), got "my-server".',
      'LOG_LEVEL must be one of debug, info, warn, error, got "loud".',
      'COOLDOWN_SECONDS must be a number from 0 to 3600, got "soon".',
      'SHARDS must be a whole number from 1 to 1000, got "0".',
      'DISCORD_API_BASE must not end with the API version (/v10): it is added by the client.',
    ]);
    expect(found.join('\n')).not.toContain('abc');
  });

  test('a missing or malformed token', () => {
    expect(problems({})).toEqual([
      'DISCORD_TOKEN is not set: put the bot token from the Developer Portal in .env.',
    ]);
    expect(problems({ DISCORD_TOKEN: 'not a token' })).toEqual([
      'DISCORD_TOKEN does not look like a bot token (three parts separated by dots).',
    ]);
  });

  test('inside a shard process, SHARDS is the shard id given by ShardingManager, not the setting', () => {
    expect(readConfig({ DISCORD_TOKEN: TOKEN, SHARDING_MANAGER: 'true', SHARDS: '0' }).shards).toBe(1);
  });
});
