/**
 * What the end-to-end suite did not cover: a command the bot does not know, Discord answering 429 (rate
 * limited) to the bot's replies, and a RESUME Discord refuses (the bot identifies anew and answers).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

describe('the bot against an unhelpful Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  test('an unknown command gets a short private reply, not an error', async () => {
    const record = h.discord.command('summon', { thing: 'dragons' });
    const reply = await h.discord.finalReply(record);
    expect(reply.content).toMatch(/not known/);
    expect(reply.flags & 64).toBe(64); // ephemeral
    expect(h.logs.some((l) => l.level === 'error')).toBe(false);
    expect(h.discord.violations).toEqual([]);
  });

  test('a 429 from REST is waited out and the answer still arrives', async () => {
    h.discord.rateLimitNext(2, 0.3);
    const record = h.discord.command('search', { query: 'Innovation Center' });
    const reply = await h.discord.finalReply(record, 10_000);
    expect(reply.embeds[0]?.title).toBe('Search: Innovation Center');
    expect(h.discord.requests.filter((r) => r.status === 429)).toHaveLength(2);
    expect(record.callbacks).toHaveLength(1);
    expect(h.logs.some((l) => l.level === 'error')).toBe(false);
    expect(h.discord.violations).toEqual([]);
  });

  test('a refused RESUME: the bot identifies anew and answers the next command', async () => {
    const identified = h.discord.identifies.length;
    h.discord.dropConnection(0);
    h.discord.forgetSessions();
    await h.discord.waitFor(
      () => h.discord.identifies.length > identified && h.discord.connectedShards().includes(0),
      'a new IDENTIFY after the refused RESUME',
      20_000,
    );
    const record = h.discord.command('search', { query: 'Qingpu' });
    const reply = await h.discord.finalReply(record, 10_000);
    expect(reply.embeds[0]?.title).toBe('Search: Qingpu');
    expect(h.discord.violations).toEqual([]);
  }, 30_000);
});
