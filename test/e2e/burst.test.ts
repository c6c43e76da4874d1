/**
 * A burst of 200 interactions in about two seconds, from 200 users: every one answered once, the first
 * response of each within Discord's 3 s (enforced by the fake Discord), no limit breached. The latency
 * from dispatch to first response is printed (p50, p99).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { user } from '../discord/fixtures.ts';
import type { InteractionRecord } from '../discord/server.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cooldownSeconds: 3 });
});
afterAll(async () => h?.close());

const TOTAL = 200;
const BATCH = 10;
const PAUSE_MS = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

test('200 interactions in a burst are all answered, each within 3 s', async () => {
  const queries = [
    'medical engineering',
    'Qingpu',
    'Gongli hospital',
    'innovation center',
    'signing ceremony',
  ];
  const sent: InteractionRecord[] = [];
  for (let n = 0; n < TOTAL; n++) {
    const asker = { user: user(String(500_000_000_000_000_000n + BigInt(n)), `burst${n}`) };
    const query = queries[n % queries.length]!;
    switch (n % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        sent.push(h.discord.command('search', { query }, asker));
        break;
      case 4:
      case 5:
        sent.push(h.discord.command('who-signed', { party: query }, asker));
        break;
      case 6:
      case 7:
        sent.push(h.discord.command('when', { event: query }, asker));
        break;
      case 8:
        sent.push(h.discord.command('about', {}, asker));
        break;
      default:
        sent.push(h.discord.autocomplete('search', { query: query.slice(0, 4) }, 'query', asker));
    }
    if (n % BATCH === BATCH - 1) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  await h.discord.waitFor(
    () =>
      sent.every(
        (r) => r.callbacks.length > 0 && (r.kind === 'autocomplete' || h.discord.messageOf(r) !== null),
      ) &&
      sent
        .filter((r) => r.kind === 'command' && (r.payload.data as { name: string }).name === 'search')
        .every((r) => r.webhooks.length > 0),
    'every interaction of the burst to be answered',
    20_000,
  );
  expect(h.discord.violations).toEqual([]);
  for (const record of sent) expect(record.callbacks).toHaveLength(1);
  const latencies = sent.map((r) => r.latencyMs!).sort((a, b) => a - b);
  expect(latencies.every((ms) => ms <= 3000)).toBe(true);
  await h.discord.waitFor(
    () => h.logs.filter((l) => l.msg === 'interaction').length >= TOTAL,
    'the log lines of the burst',
  );
  const outcomes = new Set(h.logs.filter((l) => l.msg === 'interaction').map((l) => l.outcome));
  // Answered or not (who-signed/when depend on the facts), but never an error, a cooldown or a lost interaction.
  for (const outcome of outcomes) expect(['answered', 'no-answer', 'suggested']).toContain(outcome);
  const span = Math.max(...sent.map((r) => r.dispatchedAt!)) - Math.min(...sent.map((r) => r.dispatchedAt!));
  const handled = h.logs
    .filter((l) => l.msg === 'interaction')
    .map((l) => l.latencyMs as number)
    .sort((a, b) => a - b);
  const slowest = [...sent].sort((a, b) => b.latencyMs! - a.latencyMs!).slice(0, 3);
  console.log(
    `burst: in the bot (receipt to answer sent) p50 ${percentile(handled, 50)} ms, p99 ${percentile(handled, 99)} ms; ` +
      `slowest: ${slowest.map((r) => `#${sent.indexOf(r)} ${r.kind}`).join(', ')}`,
  );
  console.log(
    `burst: ${TOTAL} interactions over ${Math.round(span)} ms; first response p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
});
