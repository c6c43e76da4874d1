/**
 * Discord over HTTP interactions (ACCORD_MODE=http): Discord POSTs each interaction to this endpoint,
 * signed with the application's key, and takes the response as its first answer.
 *
 * - Every POST's Ed25519 signature is checked before anything else; a missing, malformed, forged or stale
 *   one gets 401 with an empty body, and the request goes no further; so does the same signed
 *   interaction sent to this replica a second time.
 * - A ping (type 1) is answered `{"type":1}`.
 * - Every other interaction is built into the discord.js interaction object it would be over the gateway
 *   and goes through the same interaction handler and commands (src/bot/interactions.ts, commands/); the
 *   Responder turns its first answer into the HTTP response and defers on its own near the deadline.
 * - Nothing a later request needs is kept here: the REST calls need no bot token (interaction webhooks
 *   are authorised by the interaction's token), and search pages carry their state in the buttons, so any
 *   replica can answer any request.
 *
 * Routes: `POST /interactions` (the Interactions Endpoint URL), `GET /health` (200 while serving).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { Events, InteractionType, type APIInteraction, type Client, type Interaction } from 'discord.js';
import type { Index } from '../../index/build.ts';
import { createClient } from '../client.ts';
import type { BotCommand } from '../command.ts';
import { createInteractionHandler } from '../interactions.ts';
import { isPrivate } from '../respond.ts';
import type { Logger } from '../logger.ts';
import { StatelessPages } from './pages.ts';
import { Responder } from './responder.ts';
import { checkSignature, MAX_SIGNATURE_AGE_SECONDS, publicKeyFromHex } from './verify.ts';

export const INTERACTIONS_PATH = '/interactions';
export const HEALTH_PATH = '/health';

/** Discord waits 3 s for the first answer; past this the responder defers by itself. */
export const DEFER_AFTER_MS = 1500;

/** No interaction comes near this; a larger body is refused before it is read whole. */
const MAX_BODY_BYTES = 1 << 20;

export interface HttpInteractionsOptions {
  index: Index;
  logger: Logger;
  /** The application's public key, 64 hex digits (DISCORD_PUBLIC_KEY). */
  publicKey: string;
  cooldownSeconds: number;
  /** REST base without the version; default Discord's. */
  restApi?: string | null;
  /** The commands it answers (commands/index.ts, handed over by the entry point). */
  commands: readonly BotCommand[];
  deferAfterMs?: number;
}

export interface HttpInteractions {
  server: Server;
  client: Client;
  /** Listens on host:port (port 0: any free port); resolves with the address. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting requests, answers the open ones, and closes the connections. */
  stop(): Promise<void>;
}

export function createHttpInteractions(options: HttpInteractionsOptions): HttpInteractions {
  const { logger } = options;
  const key: KeyObject = publicKeyFromHex(options.publicKey);
  const client = createClient({ restApi: options.restApi ?? null });
  const responder = new Responder(client.rest, {
    logger,
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
  });
  const pages = new StatelessPages(options.index);
  const handle = createInteractionHandler({
    commands: options.commands,
    context: { index: options.index, logger, pages },
    cooldownSeconds: options.cooldownSeconds,
  });
  const build = interactionBuilder(client);
  const replays = new SeenIds(MAX_SIGNATURE_AGE_SECONDS * 2 * 1000);
  const running = new Set<Promise<void>>();

  const server = createServer((request, response) => {
    const work = serve(request, response).catch((error: unknown) => {
      logger.error('http request failed', { error });
      if (!response.headersSent) send(response, 500);
      else response.destroy();
    });
    running.add(work);
    void work.finally(() => running.delete(work));
  });
  // Bounds on slow clients. Idle keep-alive connections are kept longer than load balancers keep theirs
  // (60 s is common), so that a balancer never sends a request on a connection this end is closing.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 65_000;

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const admitted = await admit(request, key, replays, logger);
    if (!('payload' in admitted)) return send(response, admitted.status, admitted.json);
    const { payload } = admitted;
    const interaction = build(payload);
    // A deferral of the responder's own is as private as the answer would be.
    const secret =
      interaction?.isChatInputCommand() || interaction?.isMessageContextMenuCommand()
        ? isPrivate(interaction)
        : false;
    responder.open(payload, response, secret);
    try {
      if (interaction) await handle(interaction);
      else logger.info('interaction of a kind this bot does not handle', { type: payload.type });
    } finally {
      await responder.close(payload.id);
    }
  }

  return {
    server,
    client,
    async listen(port: number, host = '0.0.0.0') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return server.address() as AddressInfo;
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([Promise.allSettled([...running]), delay(5000)]);
      await responder.closeAll();
      server.closeAllConnections();
      await closed;
      pages.stopAll();
      await client.destroy();
    },
  };
}

/**
 * What a request to the server asks for: an interaction to answer, signed by Discord and not seen before;
 * else the answer it gets (the health check, or the status of a request refused).
 */
async function admit(
  request: IncomingMessage,
  key: KeyObject,
  replays: SeenIds,
  logger: Logger,
): Promise<{ payload: APIInteraction } | { status: number; json?: unknown }> {
  const path = (request.url ?? '/').split('?')[0];
  if (path === HEALTH_PATH && (request.method === 'GET' || request.method === 'HEAD')) {
    return { status: 200, json: { status: 'ok' } };
  }
  if (path !== INTERACTIONS_PATH) return { status: 404 };
  if (request.method !== 'POST') return { status: 405 };

  const body = await readBody(request, MAX_BODY_BYTES);
  if (body === null) return { status: 413 };
  const verdict = checkSignature(
    key,
    header(request, 'x-signature-ed25519'),
    header(request, 'x-signature-timestamp'),
    body,
  );
  if (verdict !== 'ok') {
    logger.info('http request refused', { verdict, address: request.socket.remoteAddress });
    return { status: 401 };
  }

  let payload: APIInteraction;
  try {
    payload = JSON.parse(body.toString('utf8')) as APIInteraction;
  } catch {
    return { status: 400 };
  }
  if (typeof payload.id !== 'string') return { status: 400 };
  if (!replays.first(payload.id)) {
    logger.info('http request refused', { verdict: 'replayed', interaction: payload.id });
    return { status: 401 };
  }
  if (payload.type === InteractionType.Ping) return { status: 200, json: { type: 1 } };
  if (typeof payload.token !== 'string') return { status: 400 };
  return { payload };
}

/**
 * Builds the discord.js interaction object of a raw interaction, as the gateway does on
 * INTERACTION_CREATE (discord.js's InteractionCreate action picks the class). The client never logs
 * in: it only turns payloads into objects and sends REST calls.
 */
function interactionBuilder(client: Client): (payload: APIInteraction) => Interaction | null {
  const actions = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } })
    .actions;
  const last: { built: Interaction | null } = { built: null };
  client.on(Events.InteractionCreate, (interaction) => {
    last.built = interaction;
  });
  return (payload) => {
    last.built = null;
    actions.InteractionCreate.handle(payload);
    const interaction = last.built as Interaction | null;
    last.built = null;
    // The asker's user object is cached by the client; no later request needs it.
    if (interaction) client.users.cache.delete(interaction.user.id);
    return interaction;
  };
}

/**
 * Interaction ids this replica has taken within the signature's lifetime: the same signed request sent
 * again (a replay) is refused. Another replica does not know them; the timestamp check bounds a replay
 * there to the signature's 5 minutes.
 */
class SeenIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ms: number,
    private readonly max = 200_000,
  ) {}

  /** True the first time an id is seen (and records it); false for a repeat. */
  first(id: string): boolean {
    const now = Date.now();
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ms) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    // Oldest first: drop what has aged out, and the oldest beyond the bound.
    for (const [old, when] of this.seen) {
      if (now - when < this.ms && this.seen.size <= this.max) break;
      this.seen.delete(old);
    }
    return true;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The body, or null when it is larger than `max` bytes. */
function readBody(request: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, json?: unknown): void {
  if (json === undefined) {
    response.writeHead(status, { 'Content-Length': 0 });
    response.end();
    return;
  }
  const text = JSON.stringify(json);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
