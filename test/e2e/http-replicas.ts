/**
 * Replicas of the HTTP interactions endpoint (ACCORD_MODE=http) in this process, each with its own index
 * of the seed corpus, and the fake Discord POSTing signed interactions to them in turn (127.0.0.1 only).
 * The application's key pair is made here with node:crypto.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { commands as allCommands } from '../../commands/index.ts';
import type { BotCommand } from '../../src/bot/command.ts';
import { createHttpInteractions, type HttpInteractions } from '../../src/bot/http/server.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { openIndex } from '../../src/index/open.ts';
import { FakeDiscord } from '../discord/server.ts';
import type { LogLine } from './harness.ts';

export interface Replicas {
  discord: FakeDiscord;
  keys: { publicKey: KeyObject; privateKey: KeyObject };
  replicas: HttpInteractions[];
  /** Each replica's POST /interactions URL. */
  urls: string[];
  /** Each replica's log lines, parsed. */
  logs: LogLine[][];
  /** Whether replica `r` wrote the log line of interaction `id`. */
  handled(r: number, id: string): boolean;
  close(): Promise<void>;
}

/** The raw 32-byte public key, as the Developer Portal shows it: 64 hex digits. */
export function publicKeyHex(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

export async function startReplicas(
  count: number,
  options: { commands?: readonly BotCommand[]; deferAfterMs?: number; cooldownSeconds?: number } = {},
): Promise<Replicas> {
  const discord = await FakeDiscord.start();
  const keys = generateKeyPairSync('ed25519');
  const replicas: HttpInteractions[] = [];
  const urls: string[] = [];
  const logs: LogLine[][] = [];
  for (let r = 0; r < count; r++) {
    const lines: LogLine[] = [];
    logs.push(lines);
    // Each replica its own index: nothing is shared but the corpus folder.
    const index = openIndex('corpus', { warn: () => undefined });
    const replica = createHttpInteractions({
      index,
      logger: createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as LogLine) }),
      publicKey: publicKeyHex(keys.publicKey),
      cooldownSeconds: options.cooldownSeconds ?? 0,
      restApi: discord.restApi,
      commands: options.commands ?? allCommands,
      ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    });
    replicas.push(replica);
    const address = await replica.listen(0, '127.0.0.1');
    urls.push(`http://127.0.0.1:${address.port}/interactions`);
  }
  discord.serveOverHttp(urls, keys.privateKey);
  return {
    discord,
    keys,
    replicas,
    urls,
    logs,
    handled: (r, id) => logs[r]!.some((l) => l.msg === 'interaction' && l.interaction === id),
    async close() {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await discord.close();
    },
  };
}
