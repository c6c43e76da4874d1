/**
 * ACCORD_MODE=http under a burst: 200 signed interactions from 200 users in about three seconds, taken in
 * turn by two replicas: every one answered once, its HTTP response within Discord's 3 s (enforced by the
 * fake Discord), no limit breached, each replica answering its half. Latency from POST to response is
 * printed (p50, p99).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { user } from '../discord/fixtures.ts';
import type { InteractionRecord } from '../discord/server.ts';
import { startReplicas, type Replicas } from './http-replicas.ts';

let r: Replicas;
beforeAll(async () => {
  r = await startReplicas(2, { cooldownSeconds: 3 });
});
afterAll(async () => r?.close());

const TOTAL = 200;
const BATCH = 10;
const PAUSE_MS = 150;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

test('200 signed interactions over two replicas are all answered, each within 3 s', async () => {
  const { discord } = r;
  const queries = [
    'medical engineering',
    'Qingpu',
    'Gongli hospital',
    'innovation center',
    'signing ceremony',
  ];
  const sent: InteractionRecord[] = [];
  for (let n = 0; n < TOTAL; n++) {
    const asker = { user: user(String(600_000_000_000_000_000n + BigInt(n)), `burst${n}`) };
    const query = queries[n % queries.length]!;
    switch (n % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        sent.push(discord.command('search', { query }, asker));
        break;
      case 4:
      case 5:
        sent.push(discord.command('who-signed', { party: query }, asker));
        break;
      case 6:
      case 7:
        sent.push(discord.command('when', { event: query }, asker));
        break;
      case 8:
        sent.push(discord.command('about', {}, asker));
        break;
      default:
        sent.push(discord.autocomplete('search', { query: query.slice(0, 4) }, 'query', asker));
    }
    if (n % BATCH === BATCH - 1) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  await discord.waitFor(
    () =>
      sent.every(
        (i) => i.callbacks.length > 0 && (i.kind === 'autocomplete' || discord.messageOf(i) !== null),
      ) &&
      sent
        .filter((i) => i.kind === 'command' && (i.payload.data as { name: string }).name === 'search')
        .every((i) => i.webhooks.length > 0),
    'every interaction of the burst to be answered',
    20_000,
  );
  expect(discord.violations).toEqual([]);
  for (const record of sent) {
    expect(record.httpStatus).toBe(200);
    expect(record.callbacks).toHaveLength(1);
  }
  const latencies = sent.map((i) => i.latencyMs!).sort((a, b) => a - b);
  expect(latencies.every((ms) => ms <= 3000)).toBe(true);
  await discord.waitFor(
    () => r.logs.flat().filter((l) => l.msg === 'interaction').length >= TOTAL,
    'the log lines of the burst',
  );
  // Each replica answered exactly the ones sent to it.
  for (const [n, record] of sent.entries()) {
    expect([n, r.handled(n % 2, record.id), r.handled((n + 1) % 2, record.id)]).toEqual([n, true, false]);
  }
  const outcomes = new Set(
    r.logs
      .flat()
      .filter((l) => l.msg === 'interaction')
      .map((l) => l.outcome),
  );
  for (const outcome of outcomes) expect(['answered', 'no-answer', 'suggested']).toContain(outcome);
  const span = Math.max(...sent.map((i) => i.dispatchedAt!)) - Math.min(...sent.map((i) => i.dispatchedAt!));
  console.log(
    `http burst: ${TOTAL} interactions over ${Math.round(span)} ms to 2 replicas; HTTP response p50 ` +
      `${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
      `max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
});
