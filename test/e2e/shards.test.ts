/**
 * Sharding: two shard processes through ShardingManager (npm start with SHARDS=2), each connecting as its
 * own shard and answering an interaction for its own guild; SIGTERM stops the manager and both shards.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { guildIdOnShard } from '../discord/fixtures.ts';
import { FakeDiscord, TOKEN } from '../discord/server.ts';
import { alive, exitWithin, killLeftovers, parsed, run, shardPids } from './spawn.ts';

afterAll(killLeftovers);

describe('two shards through ShardingManager', () => {
  let discord: FakeDiscord | null = null;
  afterEach(async () => discord?.close());

  test('each shard process connects and answers an interaction for its own guild', async () => {
    const guilds = [guildIdOnShard(0, 2), guildIdOnShard(1, 2)];
    discord = await FakeDiscord.start({ shards: 2, guilds });
    const d = discord;
    const r = run('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: d.restApi,
      CORPUS_DIR: 'corpus',
      SHARDS: '2',
      SHARD_SPAWN_DELAY_MS: '0',
      LOG_LEVEL: 'info',
    });
    await d.waitFor(
      () => parsed(r.stdout).find((l) => l.msg === 'all shards ready'),
      'both shards to be ready',
      30_000,
    );
    for (const line of parsed(r.stdout)) if (line.msg === 'shard spawned') shardPids.add(line.pid as number);
    expect(shardPids.size).toBe(2);
    expect(d.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const first = d.command('search', { query: 'Qingpu' }, { guild: guilds[0] });
    const second = d.command('search', { query: 'Gongli' }, { guild: guilds[1] });
    expect((await d.finalReply(first, 10_000)).embeds[0]!.title).toBe('Search: Qingpu');
    expect((await d.finalReply(second, 10_000)).embeds[0]!.title).toBe('Search: Gongli');
    const answeredBy = (id: string) =>
      d.waitFor(
        () => parsed(r.stdout).find((l) => l.msg === 'interaction' && l.interaction === id)?.shard,
        `the log line of ${id}`,
      );
    expect(await answeredBy(first.id)).toBe('0');
    expect(await answeredBy(second.id)).toBe('1');

    r.child.kill('SIGTERM');
    expect((await exitWithin(r, 15_000)).code).toBe(0);
    for (const pid of shardPids) expect(alive(pid)).toBe(false);
    expect(d.violations).toEqual([]);
  });
});
