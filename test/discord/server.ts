/**
 * A Discord-compatible gateway (ws) and REST API (node:http) on 127.0.0.1, for end-to-end tests of the
 * real discord.js client. It speaks enough of Discord for a bot: login and READY, GUILD_CREATE, heartbeats,
 * RESUME after a dropped connection, several shards, interactions and their callbacks and webhooks, and
 * command registration. It records every request, and checks Discord's rules on each answer: first
 * response within 3 s, at most 25 autocomplete choices, content, embed and custom_id sizes, no
 * mentions parsed. A breach is recorded in `violations` (tests assert it stays empty) and answered with
 * the error Discord would give.
 */
import { sign as signBytes, type KeyObject } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ChannelType,
  GatewayOpcodes,
  InteractionResponseType,
  type APIEmbed,
  type APIInteraction,
  type APIMessage,
  type APIUser,
  type GatewayMessageCreateDispatchData,
  type GatewayReceivePayload,
  type GatewaySendPayload,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  autocomplete,
  button,
  chatInput,
  guildCreate,
  guildIdOnShard,
  message,
  messageCreate,
  messageMenu,
  ready,
  shardOf,
  snowflake,
  thread,
  user,
  userMessage,
  type InteractionBase,
  type MessageState,
  type OptionValues,
} from './fixtures.ts';

export const LIMITS = {
  firstResponseMs: 3000,
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  choices: 25,
  choiceName: 100,
  customId: 100,
  label: 80,
} as const;

/** A fake but well-formed bot token: three dot-separated parts. */
export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GfAkEd.fake-token-for-the-local-discord-only-0123456';

export interface FakeDiscordOptions {
  shards?: number;
  /** Guilds the bot is in; default one per shard. */
  guilds?: string[];
  heartbeatIntervalMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  body: unknown;
  status: number;
  /** performance.now() when it arrived. */
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  kind: 'command' | 'autocomplete' | 'button';
  guildId: string;
  payload: APIInteraction;
  /** performance.now() when the dispatch was written to the bot's socket; null while queued. */
  dispatchedAt: number | null;
  /** Milliseconds from dispatch to the first callback. */
  latencyMs: number | null;
  callbacks: RecordedRequest[];
  webhooks: RecordedRequest[];
  /** Answer the callback with 404 Unknown interaction (10062), as Discord does once 3 s have passed. */
  failCallback: boolean;
  /** The message this interaction's reply created (id), if any. */
  messageId: string | null;
  /** HTTP interactions: the endpoint it was POSTed to, and the status of the response (null before). */
  endpoint?: string;
  httpStatus?: number | null;
}

interface Session {
  sessionId: string;
  shard: [number, number];
  socket: WebSocket | null;
  seq: number;
  /** Every dispatch sent, for replay on RESUME. */
  sent: { s: number; payload: GatewayReceivePayload; interaction?: InteractionRecord }[];
  guilds: string[];
}

interface StoredMessage extends MessageState {
  id: string;
  interactionId: string;
  deleted: boolean;
}

export class FakeDiscord extends EventEmitter {
  readonly token = TOKEN;
  readonly applicationId = snowflake();
  readonly bot: APIUser = user(this.applicationId, 'Accord', true);
  readonly channelId = snowflake();
  /** A thread under the text channel, in every guild. */
  readonly threadId = snowflake();
  /** The DM channel between the default user and the bot. */
  readonly dmChannelId = snowflake();
  /** Messages the bot posted in channels (replies to messages): POST /channels/{id}/messages. */
  readonly channelPosts: RecordedRequest[] = [];
  readonly shardCount: number;
  readonly guilds: string[];
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly identifies: { shard: [number, number]; at: number; intents: number }[] = [];
  readonly resumes: { sessionId: string; seq: number }[] = [];
  /** Bodies of PUT .../commands, with the route. */
  readonly commandPuts: { path: string; body: unknown }[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly heartbeatIntervalMs: number;
  /** Interaction and webhook requests still to be refused with 429 (rateLimitNext), and the wait asked. */
  private rateLimited = 0;
  private retryAfterSeconds = 0;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private port = 0;
  /** HTTP interactions (instead of the gateway): the endpoints, taken in turn, and the signing key. */
  private httpEndpoints: string[] = [];
  private signingKey: KeyObject | null = null;
  private nextEndpoint = 0;

  private constructor(options: FakeDiscordOptions) {
    super();
    this.setMaxListeners(0);
    this.shardCount = options.shards ?? 1;
    this.guilds =
      options.guilds ?? Array.from({ length: this.shardCount }, (_, s) => guildIdOnShard(s, this.shardCount));
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.http = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.http.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const discord = new FakeDiscord(options);
    await new Promise<void>((resolve) => discord.http.listen(0, '127.0.0.1', resolve));
    discord.port = (discord.http.address() as AddressInfo).port;
    return discord;
  }

  /** The REST base for discord.js (`rest.api`), without the version. */
  get restApi(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Sockets currently identified or resumed, by shard id. */
  connectedShards(): number[] {
    return [...this.sessions.values()].filter((s) => s.socket).map((s) => s.shard[0]);
  }

  async close(): Promise<void> {
    for (const session of this.sessions.values()) session.socket?.terminate();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---------------------------------------------------------------- interactions sent to the bot

  private base(guildId: string, asker: APIUser): InteractionBase {
    return {
      id: snowflake(),
      token: `itoken-${snowflake()}-${Math.random().toString(36).slice(2)}`,
      applicationId: this.applicationId,
      guildId,
      channelId: this.channelId,
      asker,
    };
  }

  /** Sends a slash command to the bot. */
  command(name: string, values: OptionValues, options: SendOptions = {}): InteractionRecord {
    const base = this.base(options.guild ?? this.guilds[0]!, options.user ?? DEFAULT_USER);
    return this.dispatchInteraction(chatInput(base, name, values), 'command', base, options);
  }

  /** Sends an autocomplete request: `focused` is the option being typed. */
  autocomplete(
    name: string,
    values: OptionValues,
    focused: string,
    options: SendOptions = {},
  ): InteractionRecord {
    const base = this.base(options.guild ?? this.guilds[0]!, options.user ?? DEFAULT_USER);
    return this.dispatchInteraction(autocomplete(base, name, values, focused), 'autocomplete', base, options);
  }

  /** Runs a message context menu command on a message someone (`author`) wrote with this content. */
  messageMenu(
    name: string,
    content: string,
    options: SendOptions & { author?: APIUser } = {},
  ): InteractionRecord {
    const base = this.base(options.guild ?? this.guilds[0]!, options.user ?? DEFAULT_USER);
    const target = userMessage(
      snowflake(),
      this.channelId,
      options.author ?? options.user ?? DEFAULT_USER,
      content,
    );
    return this.dispatchInteraction(messageMenu(base, name, target), 'command', base, options);
  }

  /** Presses a button of the message an interaction's reply created. */
  press(on: InteractionRecord, customId: string, options: SendOptions = {}): InteractionRecord {
    const stored = on.messageId ? this.messages.get(on.messageId) : undefined;
    if (!stored) throw new Error(`interaction ${on.id} has no message to press a button on`);
    const base = this.base(on.guildId, options.user ?? DEFAULT_USER);
    const apiMessage = message(stored.id, this.channelId, this.bot, this.applicationId, stored);
    const record = this.dispatchInteraction(button(base, customId, apiMessage), 'button', base, options);
    record.messageId = stored.id;
    return record;
  }

  /** Runs a message context menu command (e.g. "Find the source") on a message someone wrote. */
  menu(name: string, target: SaidMessage, options: SendOptions = {}): InteractionRecord {
    const base = this.base(options.guild ?? this.guilds[0]!, options.user ?? DEFAULT_USER);
    const apiMessage = { ...target.payload, content: target.text };
    return this.dispatchInteraction(messageMenu(base, name, apiMessage), 'command', base, options);
  }

  /**
   * Someone writes a message: in the guild's text channel, its thread, or a DM with the bot; `mention`
   * puts a mention of the bot first. As Discord does for a bot without the Message Content intent, the
   * bot is given the text only of a message that mentions it or is sent to it in a DM.
   */
  say(text: string, options: SayOptions = {}): SaidMessage {
    const where = options.where ?? 'channel';
    const author = options.user ?? DEFAULT_USER;
    const written = options.mention ? `<@${this.applicationId}> ${text}` : text;
    const readable = where === 'dm' || options.mention;
    const guildId = where === 'dm' ? null : (options.guild ?? this.guilds[0]!);
    const channelId = where === 'dm' ? this.dmChannelId : where === 'thread' ? this.threadId : this.channelId;
    const payload = messageCreate({
      id: snowflake(),
      channelId,
      guildId,
      author,
      content: readable ? written : '',
      mentions: options.mention ? [this.bot] : [],
      channelType:
        where === 'dm'
          ? ChannelType.DM
          : where === 'thread'
            ? ChannelType.PublicThread
            : ChannelType.GuildText,
    });
    const said: SaidMessage = { id: payload.id, channelId, guildId, text: written, payload };
    this.deliver(said);
    return said;
  }

  /** Delivers a message's MESSAGE_CREATE (again, as a gateway replay would). */
  deliver(said: SaidMessage): void {
    const session = this.sessionFor(said.guildId ?? this.guilds[0]!);
    if (!session) throw new Error('no gateway session for the message');
    this.dispatch(session, 'MESSAGE_CREATE', said.payload);
  }

  /** The bot's replies to a message (posts that reference it). */
  repliesTo(said: SaidMessage): RecordedRequest[] {
    return this.channelPosts.filter(
      (post) =>
        (post.body as { message_reference?: { message_id?: string } } | null)?.message_reference
          ?.message_id === said.id,
    );
  }

  /** The current state of the message an interaction's reply created (after edits and updates). */
  messageOf(record: InteractionRecord): (MessageState & { deleted: boolean }) | null {
    return record.messageId ? (this.messages.get(record.messageId) ?? null) : null;
  }

  private dispatchInteraction(
    payload: APIInteraction,
    kind: InteractionRecord['kind'],
    base: InteractionBase,
    options: SendOptions,
  ): InteractionRecord {
    const record: InteractionRecord = {
      id: base.id,
      token: base.token,
      kind,
      guildId: base.guildId,
      payload,
      dispatchedAt: null,
      latencyMs: null,
      callbacks: [],
      webhooks: [],
      failCallback: options.failCallback ?? false,
      messageId: null,
    };
    this.interactions.set(record.id, record);
    this.byToken.set(record.token, record);
    if (this.httpEndpoints.length) {
      this.deliverOverHttp(record, payload, options.endpoint);
      return record;
    }
    const session = this.sessionFor(base.guildId);
    if (!session) throw new Error(`no gateway session for guild ${base.guildId}`);
    this.dispatch(session, 'INTERACTION_CREATE', payload, record);
    return record;
  }

  private sessionFor(guildId: string): Session | undefined {
    const shard = shardOf(guildId, this.shardCount);
    let found: Session | undefined;
    for (const session of this.sessions.values()) if (session.shard[0] === shard) found = session;
    return found;
  }

  /** Refuses the next `count` interaction callbacks and webhook calls with 429, asking for a wait. */
  rateLimitNext(count: number, retryAfterSeconds = 0.2): void {
    this.rateLimited = count;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Forgets every session, as Discord does after a long outage: a RESUME then gets Invalid Session. */
  forgetSessions(): void {
    this.sessions.clear();
  }

  /** Cuts a shard's connection without a close frame (as a network failure does). */
  dropConnection(shard = 0): void {
    for (const session of this.sessions.values()) {
      if (session.shard[0] === shard && session.socket) {
        session.socket.terminate();
        session.socket = null;
      }
    }
  }

  // ---------------------------------------------------------------- HTTP interactions

  /**
   * Sends interactions as HTTP POSTs to these endpoints (taken in turn, or the one a send names) instead
   * of over the gateway, signed as Discord signs them: Ed25519 over timestamp + body, with `privateKey`.
   * The response to the POST is the interaction's first callback, checked by the same rules.
   */
  serveOverHttp(endpoints: string[], privateKey: KeyObject): void {
    this.httpEndpoints = [...endpoints];
    this.signingKey = privateKey;
    this.nextEndpoint = 0;
  }

  /** The headers Discord adds to an interaction POST: signature and timestamp (now, unless given). */
  signedHeaders(body: string, options: { timestamp?: string; key?: KeyObject } = {}): Record<string, string> {
    const key = options.key ?? this.signingKey;
    if (!key) throw new Error('no signing key: call serveOverHttp first');
    const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature = signBytes(null, Buffer.from(timestamp + body, 'utf8'), key).toString('hex');
    return {
      'Content-Type': 'application/json',
      'User-Agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      'X-Signature-Ed25519': signature,
      'X-Signature-Timestamp': timestamp,
    };
  }

  /** Posts any body with any headers to an endpoint, as an attacker could; resolves with the raw answer. */
  async postRaw(
    endpoint: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; text: string; contentType: string | null }> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return {
      status: response.status,
      text: await response.text(),
      contentType: response.headers.get('content-type'),
    };
  }

  private deliverOverHttp(record: InteractionRecord, payload: APIInteraction, endpoint?: number): void {
    const n = this.httpEndpoints.length;
    const url = this.httpEndpoints[endpoint ?? this.nextEndpoint++ % n]!;
    const body = JSON.stringify(payload);
    record.endpoint = url;
    record.httpStatus = null;
    record.dispatchedAt = performance.now();
    this.postRaw(url, body, this.signedHeaders(body)).then(
      ({ status, text }) => {
        record.httpStatus = status;
        const recorded: RecordedRequest = {
          method: 'RESPONSE',
          path: new URL(url).pathname,
          query: '',
          body: null,
          status,
          at: performance.now(),
        };
        try {
          recorded.body = JSON.parse(text) as unknown;
        } catch {
          recorded.body = text;
        }
        if (status !== 200) {
          this.violations.push(`interaction ${record.id} (${record.kind}): the endpoint answered ${status}`);
          record.callbacks.push(recorded);
        } else this.onCallback(record.id, record.token, recorded, () => undefined);
        this.emit('change');
      },
      (error: unknown) => {
        record.httpStatus = 0;
        this.violations.push(`interaction ${record.id} (${record.kind}): POST failed: ${String(error)}`);
        this.emit('change');
      },
    );
  }

  // ---------------------------------------------------------------- waiting

  /** Resolves when `check` returns a value other than undefined/false; rejects after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined | false | null, label: string, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        let value: T | undefined | false | null;
        try {
          value = check();
        } catch (error) {
          done();
          reject(error as Error);
          return true;
        }
        if (value !== undefined && value !== false && value !== null) {
          done();
          resolve(value);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}`));
      }, timeoutMs);
      // Checked on every request and gateway message, and every 10 ms for what happens in the bot alone.
      const poll = setInterval(attempt, 10);
      const done = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.off('change', attempt);
      };
      if (!attempt()) this.on('change', attempt);
    });
  }

  /** The interaction's first callback (its response). */
  firstResponse(record: InteractionRecord, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitFor(() => record.callbacks[0], `a response to ${record.kind} ${record.id}`, timeoutMs);
  }

  /** Waits until the interaction's reply is final: a callback with a message, or a deferral then an edit. */
  async finalReply(
    record: InteractionRecord,
    timeoutMs = 5000,
  ): Promise<MessageState & { deleted: boolean }> {
    await this.waitFor(
      () => {
        const first = record.callbacks[0]?.body as { type?: number } | undefined;
        if (!first) return false;
        if (first.type === InteractionResponseType.DeferredChannelMessageWithSource) {
          return record.webhooks.some((w) => w.method !== 'DELETE');
        }
        return true;
      },
      `the final reply to ${record.kind} ${record.id}`,
      timeoutMs,
    );
    const state = this.messageOf(record);
    if (!state) throw new Error(`interaction ${record.id} has no message`);
    return state;
  }

  // ---------------------------------------------------------------- gateway

  private onSocket(ws: WebSocket): void {
    let session: Session | null = null;
    this.send(ws, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs },
      s: null,
      t: null,
    });
    ws.on('message', (raw) => {
      let payload: GatewaySendPayload;
      try {
        payload = JSON.parse(String(raw)) as GatewaySendPayload;
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          this.send(ws, { op: GatewayOpcodes.HeartbeatAck, d: undefined, s: null, t: null });
          break;
        case GatewayOpcodes.Identify: {
          if (payload.d.token !== this.token) {
            ws.close(4004, 'Authentication failed');
            return;
          }
          const shard = payload.d.shard ?? [0, 1];
          if (shard[1] !== this.shardCount || shard[0] >= shard[1]) {
            ws.close(4010, 'Invalid shard');
            return;
          }
          this.identifies.push({
            shard: [shard[0], shard[1]],
            at: performance.now(),
            intents: payload.d.intents,
          });
          const guilds = this.guilds.filter((g) => shardOf(g, this.shardCount) === shard[0]);
          // A new identify for a shard replaces its old session.
          for (const [id, old] of this.sessions) if (old.shard[0] === shard[0]) this.sessions.delete(id);
          session = {
            sessionId: snowflake(),
            shard: [shard[0], shard[1]],
            socket: ws,
            seq: 0,
            sent: [],
            guilds,
          };
          this.sessions.set(session.sessionId, session);
          this.dispatch(
            session,
            'READY',
            ready(this.bot, this.applicationId, session.sessionId, this.gatewayUrl, guilds, session.shard),
          );
          for (const guild of guilds) {
            const threads = [thread(this.threadId, guild, this.channelId, DEFAULT_USER.id)];
            this.dispatch(
              session,
              'GUILD_CREATE',
              guildCreate(guild, this.applicationId, this.channelId, threads),
            );
          }
          break;
        }
        case GatewayOpcodes.Resume: {
          const found = this.sessions.get(payload.d.session_id);
          if (!found || payload.d.token !== this.token) {
            this.send(ws, {
              op: GatewayOpcodes.InvalidSession,
              d: false,
              s: null,
              t: null,
            } as GatewayReceivePayload);
            return;
          }
          session = found;
          this.resumes.push({ sessionId: found.sessionId, seq: payload.d.seq });
          found.socket?.terminate();
          found.socket = ws;
          for (const entry of found.sent) {
            if (entry.s > payload.d.seq) {
              this.send(ws, entry.payload);
              if (entry.interaction && entry.interaction.dispatchedAt === null) {
                entry.interaction.dispatchedAt = performance.now();
              }
            }
          }
          this.dispatch(found, 'RESUMED', {});
          break;
        }
        default:
          break;
      }
      this.emit('change');
    });
    ws.on('close', () => {
      if (session && session.socket === ws) session.socket = null;
      this.emit('change');
    });
    ws.on('error', () => undefined);
  }

  private dispatch(session: Session, t: string, d: unknown, interaction?: InteractionRecord): void {
    session.seq += 1;
    const payload = { op: GatewayOpcodes.Dispatch, t, s: session.seq, d } as GatewayReceivePayload;
    session.sent.push({ s: session.seq, payload, ...(interaction ? { interaction } : {}) });
    if (session.socket && session.socket.readyState === session.socket.OPEN) {
      this.send(session.socket, payload);
      if (interaction) interaction.dispatchedAt = performance.now();
    }
  }

  private send(ws: WebSocket, payload: GatewayReceivePayload): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  // ---------------------------------------------------------------- REST

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    let body: unknown = null;
    if (raw.length) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const path = url.pathname
      .split('/')
      .map((part) => decodeURIComponent(part))
      .join('/');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.search,
      body,
      status: 0,
      at: performance.now(),
    };
    this.requests.push(recorded);
    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      recorded.status = status;
      if (json === undefined) {
        res.writeHead(status, headers);
        res.end();
      } else {
        const text = JSON.stringify(json);
        res.writeHead(status, {
          ...headers,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
        });
        res.end(text);
      }
      this.emit('change');
    };
    try {
      this.route(recorded, req, reply);
    } catch (error) {
      this.violations.push(`server error on ${recorded.method} ${path}: ${(error as Error).message}`);
      reply(500, { code: 0, message: '500: Internal Server Error' });
    }
  }

  private route(
    request: RecordedRequest,
    req: IncomingMessage,
    reply: (status: number, json?: unknown, headers?: Record<string, string>) => void,
  ): void {
    const { method, path } = request;
    const parts = path.replace(/^\/api\/v10\//, '').split('/');
    if (!path.startsWith('/api/v10/')) return reply(404, { code: 0, message: '404: Not Found' });
    if (this.rateLimited > 0 && (parts[0] === 'interactions' || parts[0] === 'webhooks')) {
      this.rateLimited--;
      const wait = this.retryAfterSeconds;
      return reply(
        429,
        { message: 'You are being rate limited.', retry_after: wait, global: false },
        { 'Retry-After': String(wait), 'X-RateLimit-Scope': 'user' },
      );
    }
    const authorized = req.headers.authorization === `Bot ${this.token}`;
    const unauthorized = () => reply(401, { code: 0, message: '401: Unauthorized' });

    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      if (!authorized) return unauthorized();
      return reply(200, {
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 16 },
      });
    }
    if (method === 'GET' && path === '/api/v10/users/@me') {
      return authorized ? reply(200, this.bot) : unauthorized();
    }
    // POST /interactions/{id}/{token}/callback
    if (parts[0] === 'interactions' && parts[3] === 'callback' && method === 'POST') {
      return this.onCallback(parts[1]!, parts[2]!, request, reply);
    }
    // /webhooks/{app}/{token}[/messages/{id}]
    if (parts[0] === 'webhooks' && parts[1] === this.applicationId && parts[2]) {
      return this.onWebhook(parts[2], parts[3] === 'messages' ? (parts[4] ?? null) : null, request, reply);
    }
    // POST /channels/{channel}/messages: a message the bot writes (its replies to mentions and DMs)
    if (method === 'POST' && parts[0] === 'channels' && parts[2] === 'messages' && parts.length === 3) {
      if (!authorized) return unauthorized();
      const known = [this.channelId, this.threadId, this.dmChannelId];
      if (!known.includes(parts[1]!)) return reply(404, { code: 10003, message: 'Unknown Channel' });
      const body = (request.body ?? {}) as Partial<MessageState> & Record<string, unknown>;
      const problems = checkMessage(body, true);
      if (problems.length) {
        this.violations.push(...problems.map((p) => `POST channel message: ${p}`));
        return reply(400, { code: 50035, message: 'Invalid Form Body', errors: problems });
      }
      this.channelPosts.push(request);
      const state = {
        content: body.content ?? '',
        embeds: body.embeds ?? [],
        components: body.components ?? [],
        flags: 0,
      };
      return reply(200, message(snowflake(), parts[1]!, this.bot, this.applicationId, state));
    }
    // PUT /applications/{app}/commands, /applications/{app}/guilds/{guild}/commands
    if (method === 'PUT' && parts[0] === 'applications' && parts[parts.length - 1] === 'commands') {
      if (!authorized) return unauthorized();
      if (parts[1] !== this.applicationId) return reply(403, { code: 50001, message: 'Missing Access' });
      this.commandPuts.push({ path, body: request.body });
      const problems = checkCommands(request.body);
      if (problems.length) {
        this.violations.push(...problems.map((p) => `PUT commands: ${p}`));
        return reply(400, { code: 50035, message: 'Invalid Form Body', errors: problems });
      }
      const guildId = parts[2] === 'guilds' ? parts[3] : undefined;
      return reply(
        200,
        (request.body as Record<string, unknown>[]).map((command) => ({
          ...command,
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          ...(guildId ? { guild_id: guildId } : {}),
        })),
      );
    }
    return reply(404, { code: 0, message: '404: Not Found' });
  }

  private onCallback(
    id: string,
    token: string,
    request: RecordedRequest,
    reply: (status: number, json?: unknown) => void,
  ): void {
    const record = this.interactions.get(id);
    if (!record || record.token !== token) {
      return reply(404, { code: 10062, message: 'Unknown interaction' });
    }
    const first = record.callbacks.length === 0;
    record.callbacks.push(request);
    if (first && record.dispatchedAt !== null) record.latencyMs = request.at - record.dispatchedAt;
    if (record.failCallback) return reply(404, { code: 10062, message: 'Unknown interaction' });
    if (!first) {
      this.violations.push(`interaction ${id} (${record.kind}) answered twice`);
      return reply(400, { code: 40060, message: 'Interaction has already been acknowledged.' });
    }
    if (record.latencyMs !== null && record.latencyMs > LIMITS.firstResponseMs) {
      this.violations.push(
        `interaction ${id} (${record.kind}) first answered after ${Math.round(record.latencyMs)} ms (limit 3000)`,
      );
      return reply(404, { code: 10062, message: 'Unknown interaction' });
    }
    const body = request.body as { type?: number; data?: Record<string, unknown> } | null;
    const type = body?.type;
    const problems: string[] = [];
    const expected: Record<InteractionRecord['kind'], number[]> = {
      command: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
      ],
      autocomplete: [InteractionResponseType.ApplicationCommandAutocompleteResult],
      button: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.DeferredMessageUpdate,
      ],
    };
    if (type === undefined || !expected[record.kind].includes(type)) {
      problems.push(`callback type ${String(type)} is not valid for a ${record.kind}`);
    } else if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      problems.push(...checkChoices(body?.data));
    } else if (
      type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.UpdateMessage
    ) {
      problems.push(...checkMessage(body?.data ?? {}, true));
    }
    if (problems.length) {
      this.violations.push(...problems.map((p) => `interaction ${id} (${record.kind}): ${p}`));
      return reply(400, { code: 50035, message: 'Invalid Form Body', errors: problems });
    }
    const data = (body?.data ?? {}) as Partial<MessageState> & { flags?: number };
    if (
      type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.DeferredChannelMessageWithSource
    ) {
      record.messageId = this.storeMessage(id, data).id;
    } else if (type === InteractionResponseType.UpdateMessage && record.messageId) {
      const stored = this.messages.get(record.messageId);
      if (stored) applyEdit(stored, data);
    }
    return reply(204);
  }

  /** Keeps a message the bot sent, as Discord would. */
  private storeMessage(
    interactionId: string,
    data: Partial<MessageState> & { flags?: number },
  ): StoredMessage {
    const stored: StoredMessage = {
      id: snowflake(),
      interactionId,
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      flags: data.flags ?? 0,
      deleted: false,
    };
    this.messages.set(stored.id, stored);
    return stored;
  }

  private onWebhook(
    token: string,
    messageId: string | null,
    request: RecordedRequest,
    reply: (status: number, json?: unknown) => void,
  ): void {
    const record = this.byToken.get(token);
    if (!record) return reply(404, { code: 10015, message: 'Unknown Webhook' });
    record.webhooks.push(request);
    if (record.callbacks.length === 0 || record.failCallback) {
      this.violations.push(
        `interaction ${record.id}: webhook ${request.method} before any accepted callback`,
      );
      return reply(404, { code: 10015, message: 'Unknown Webhook' });
    }
    const data = (request.body ?? {}) as Partial<MessageState> & { flags?: number };
    if (request.method !== 'DELETE' && request.method !== 'GET') {
      const problems = checkMessage(data, request.method === 'POST');
      if (problems.length) {
        this.violations.push(
          ...problems.map((p) => `interaction ${record.id} webhook ${request.method}: ${p}`),
        );
        return reply(400, { code: 50035, message: 'Invalid Form Body', errors: problems });
      }
    }
    if (messageId === null && request.method === 'POST') {
      return reply(200, this.apiMessage(this.storeMessage(record.id, data)));
    }
    const targetId = messageId === '@original' ? this.originalOf(record) : messageId;
    const stored = targetId ? this.messages.get(targetId) : undefined;
    if (!stored || stored.deleted) return reply(404, { code: 10008, message: 'Unknown Message' });
    if (request.method === 'DELETE') {
      stored.deleted = true;
      return reply(204);
    }
    if (request.method === 'PATCH') applyEdit(stored, data);
    return reply(200, this.apiMessage(stored));
  }

  /** The message a webhook's @original means: the reply to the interaction, or the message of a button. */
  private originalOf(record: InteractionRecord): string | null {
    return record.messageId;
  }

  private apiMessage(stored: StoredMessage): APIMessage {
    return message(stored.id, this.channelId, this.bot, this.applicationId, stored);
  }
}

export interface SayOptions {
  where?: 'channel' | 'thread' | 'dm';
  mention?: boolean;
  user?: APIUser;
  guild?: string;
}

/** A message someone wrote, as delivered to the bot. */
export interface SaidMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  /** The text as written (what the bot reads only when mentioned or in a DM). */
  text: string;
  payload: GatewayMessageCreateDispatchData;
}

export interface SendOptions {
  guild?: string;
  user?: APIUser;
  failCallback?: boolean;
  /** HTTP interactions: which endpoint (index) gets it; default each in turn. */
  endpoint?: number;
}

export const DEFAULT_USER = user('200000000000000001', 'asker');

function applyEdit(stored: StoredMessage, data: Partial<MessageState>): void {
  if (data.content !== undefined) stored.content = data.content ?? '';
  if (data.embeds !== undefined) stored.embeds = data.embeds ?? [];
  if (data.components !== undefined) stored.components = data.components ?? [];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Discord's rules for a message body (a reply, an update, an edit or a follow-up). */
export function checkMessage(data: Record<string, unknown>, isNew: boolean): string[] {
  const problems: string[] = [];
  const content = data.content as string | undefined | null;
  const embeds = (data.embeds ?? []) as APIEmbed[];
  const components = (data.components ?? []) as { components?: { custom_id?: string; label?: string }[] }[];
  if (content && content.length > LIMITS.content)
    problems.push(`content of ${content.length} > 2000 characters`);
  if (isNew && !content && embeds.length === 0 && components.length === 0) problems.push('empty message');
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds > 10`);
  let total = 0;
  embeds.forEach((embed, e) => {
    const at = `embed ${e}`;
    const over = (what: string, text: string | undefined, max: number) => {
      if (text !== undefined && text.length > max) problems.push(`${at} ${what} of ${text.length} > ${max}`);
      total += text?.length ?? 0;
    };
    over('title', embed.title, LIMITS.title);
    over('description', embed.description, LIMITS.description);
    over('footer', embed.footer?.text, LIMITS.footer);
    over('author', embed.author?.name, LIMITS.author);
    const fields = embed.fields ?? [];
    if (fields.length > LIMITS.fields) problems.push(`${at}: ${fields.length} fields > 25`);
    fields.forEach((field, f) => {
      if (!field.name || !field.value) problems.push(`${at} field ${f} has an empty name or value`);
      over(`field ${f} name`, field.name, LIMITS.fieldName);
      over(`field ${f} value`, field.value, LIMITS.fieldValue);
    });
    if (embed.description === '') problems.push(`${at} description is empty`);
  });
  if (total > LIMITS.embedsTotal) problems.push(`embeds total ${total} > 6000 characters`);
  const ids = new Set<string>();
  for (const row of components) {
    for (const component of row.components ?? []) {
      const id = component.custom_id;
      if (id !== undefined) {
        if (id.length > LIMITS.customId) problems.push(`custom_id of ${id.length} > 100`);
        if (ids.has(id)) problems.push(`custom_id ${id} used twice`);
        ids.add(id);
      }
      if (component.label && component.label.length > LIMITS.label) problems.push('button label > 80');
    }
  }
  if (components.length > 5) problems.push(`${components.length} action rows > 5`);
  // No reply may ping: every message body must say that no mention is parsed.
  const mentions = data.allowed_mentions as
    { parse?: unknown[]; users?: unknown[]; roles?: unknown[]; replied_user?: boolean } | undefined;
  if (content !== undefined || embeds.length) {
    if (!mentions) problems.push('allowed_mentions missing');
    else if (
      (mentions.parse?.length ?? 0) > 0 ||
      (mentions.users?.length ?? 0) > 0 ||
      (mentions.roles?.length ?? 0) > 0
    ) {
      problems.push(`allowed_mentions parses ${JSON.stringify(mentions)}`);
    } else if (!Array.isArray(mentions.parse)) problems.push('allowed_mentions.parse is not []');
    else if (data.message_reference && mentions.replied_user !== false) {
      problems.push('a reply that pings the author it replies to (allowed_mentions.replied_user not false)');
    }
  }
  return problems;
}

function checkChoices(data: Record<string, unknown> | undefined): string[] {
  const problems: string[] = [];
  const choices = (data?.choices ?? null) as { name?: string; value?: unknown }[] | null;
  if (!Array.isArray(choices)) return ['autocomplete result without choices'];
  if (choices.length > LIMITS.choices) problems.push(`${choices.length} choices > 25`);
  for (const choice of choices) {
    const name = choice.name ?? '';
    if (name.length < 1 || name.length > LIMITS.choiceName)
      problems.push(`choice name of ${name.length} characters`);
    if (typeof choice.value === 'string' && choice.value.length > LIMITS.choiceName) {
      problems.push(`choice value of ${choice.value.length} > 100`);
    }
  }
  return problems;
}

/** Discord's rules for command registration. */
function checkCommands(body: unknown): string[] {
  if (!Array.isArray(body)) return ['body is not an array'];
  const problems: string[] = [];
  if (body.length > 100) problems.push('more than 100 commands');
  const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
  for (const command of body as {
    name?: string;
    type?: number;
    description?: string;
    options?: Record<string, unknown>[];
  }[]) {
    const name = command.name ?? '';
    // User and message menu commands: a name of 1 to 32 characters, any case, spaces allowed; no description.
    if (command.type === 2 || command.type === 3) {
      if (name.trim().length < 1 || name.length > 32) problems.push(`menu command name "${name}"`);
      if (command.description) problems.push(`menu command "${name}" has a description`);
      if (command.options?.length) problems.push(`menu command "${name}" has options`);
      continue;
    }
    if (!NAME.test(name) || name !== name.toLowerCase()) problems.push(`command name "${name}"`);
    const description = command.description ?? '';
    if (description.length < 1 || description.length > 100)
      problems.push(`/${name} description of ${description.length}`);
    const options = command.options ?? [];
    if (options.length > 25) problems.push(`/${name} has more than 25 options`);
    let optionalSeen = false;
    for (const option of options) {
      const optionName = String(option.name ?? '');
      if (!NAME.test(optionName) || optionName !== optionName.toLowerCase())
        problems.push(`/${name} option "${optionName}"`);
      const d = String(option.description ?? '');
      if (d.length < 1 || d.length > 100) problems.push(`/${name} ${optionName} description of ${d.length}`);
      if (option.required) {
        if (optionalSeen) problems.push(`/${name}: required option ${optionName} after an optional one`);
      } else optionalSeen = true;
    }
  }
  return problems;
}
