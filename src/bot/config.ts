/**
 * The configuration, from the environment and .env (dotenv), checked at start-up: the one place the
 * environment is read. Every problem is reported at once, each naming its variable; the token's value is
 * never printed, nor any value that may be a secret pasted into the wrong variable.
 */
import { config as loadDotenv } from 'dotenv';
import { DEFAULT_CACHE_DIR } from '../index/load.ts';
import { UserError } from '../program/errors.ts';
import { isLogLevel, LOG_LEVELS, type LogLevel } from './logger.ts';

export type BotMode = 'gateway' | 'http';

export interface BotConfig {
  /** gateway: log in and receive interactions over a websocket; http: serve Discord's HTTP interactions. */
  mode: BotMode;
  /** The bot token; '' in http mode when not set (answering HTTP interactions needs none). */
  token: string;
  /** http mode: the application's Ed25519 public key (64 hex digits) that signs every request. */
  publicKey: string | null;
  /** http mode: where the interactions endpoint listens. */
  httpHost: string;
  httpPort: number;
  /** Needed to register commands; the running bot learns it from Discord. */
  applicationId: string | null;
  /** Register commands in this server only (instant, for development); null: globally. */
  guildId: string | null;
  corpusDir: string;
  logLevel: LogLevel;
  /** Seconds a user waits between two uses of the same command; 0: no cooldown. */
  cooldownSeconds: number;
  /** Shards (gateway connections, one process each) when above 1. */
  shards: number;
  /** Milliseconds between two shard spawns (Discord allows one identify every 5 s on small bots). */
  shardSpawnDelayMs: number;
  /** Seconds the /search Previous/Next buttons keep working after the last press. */
  searchPagesSeconds: number;
  /** The REST API base, without /v10 (default https://discord.com/api); a local fake Discord in tests. */
  apiBase: string | null;
  /** Where index snapshots are kept (ACCORD_CACHE_DIR); null: no cache. */
  cacheDir: string | null;
  /** In a shard process, the shard id(s) ShardingManager gave it (its SHARDS), for the logs; else null. */
  shardId: string | null;
}

export class ConfigError extends UserError {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface ReadOptions {
  /** deploy-commands needs the application id; the bot does not. */
  needApplicationId?: boolean;
}

let envLoaded = false;

/** Loads .env into process.env, once per process (values already set in the environment win). */
export function loadEnv(): void {
  if (envLoaded) return;
  envLoaded = true;
  loadDotenv({ quiet: true });
}

/** What `npm start` runs: the bot (a token, or ACCORD_MODE=http) or the local console, and over what. */
export interface StartConfig {
  bot: boolean;
  corpusDir: string;
  cacheDir: string | null;
}

/** The settings every entry point reads, bot or not; the bot's are checked by readConfig. */
export function readStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  const read = new Reader(env);
  return {
    bot: read.get('DISCORD_TOKEN') !== null || read.get('ACCORD_MODE')?.toLowerCase() === 'http',
    corpusDir: read.get('CORPUS_DIR') ?? 'corpus',
    cacheDir: readCacheDir(env),
  };
}

/** ACCORD_CACHE_DIR: unset, .accord-cache; empty or "off", no cache. */
export function readCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.ACCORD_CACHE_DIR;
  if (configured === undefined) return DEFAULT_CACHE_DIR;
  return configured.trim() === '' || configured === 'off' ? null : configured;
}

const SNOWFLAKE = /^\d{17,20}$/;
/** Discord's secrets (a bot token, a client secret, a public key) are 32 characters or more. */
const MIN_SECRET_LENGTH = 24;

/**
 * A wrong value as a problem repeats it: "got "my-server"". A long one that is not all digits may be a
 * token or secret pasted into the wrong variable, so only its length is told.
 */
function got(value: string): string {
  if (/^[\d\s]*$/.test(value) || value.length < MIN_SECRET_LENGTH) return `got "${value}"`;
  return `got ${value.length} characters (not shown: it may be a secret)`;
}

/** Reads variables of one environment, collecting the problems of their values. */
class Reader {
  readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** The trimmed value, or null when unset or blank. */
  get(name: string): string | null {
    const value = this.env[name]?.trim();
    return value ? value : null;
  }

  /** A Discord id (snowflake), or null when unset. */
  snowflake(name: string, required: boolean): string | null {
    const value = this.get(name);
    if (!value) {
      if (required) this.problems.push(`${name} is not set: copy it from the Developer Portal.`);
      return null;
    }
    if (!SNOWFLAKE.test(value)) {
      this.problems.push(`${name} must be a Discord id (17 to 20 digits), ${got(value)}.`);
    }
    return value;
  }

  /** A number within [min, max] (a whole one when `integer`); the fallback when unset or wrong. */
  number(name: string, fallback: number, min: number, max: number, integer: boolean): number {
    const raw = this.get(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      const kind = integer ? 'a whole number' : 'a number';
      this.problems.push(`${name} must be ${kind} from ${min} to ${max}, ${got(raw)}.`);
      return fallback;
    }
    return value;
  }
}

/** Reads and checks the configuration; throws a ConfigError listing every problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, options: ReadOptions = {}): BotConfig {
  const read = new Reader(env);
  const problems = read.problems;

  const mode = (read.get('ACCORD_MODE') ?? 'gateway').toLowerCase();
  if (mode !== 'gateway' && mode !== 'http') {
    problems.push(`ACCORD_MODE must be gateway or http, ${got(mode)}.`);
  }
  const http = mode === 'http';
  // Answering HTTP interactions needs no token: their webhooks take the interaction's own.
  const token = readToken(read, !http || (options.needApplicationId ?? false));
  const applicationId = read.snowflake('DISCORD_APPLICATION_ID', options.needApplicationId ?? false);
  const guildId = read.snowflake('DISCORD_GUILD_ID', false);
  const corpusDir = read.get('CORPUS_DIR') ?? 'corpus';

  const level = (read.get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!isLogLevel(level)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, ${got(level)}.`);

  const publicKey = readPublicKey(read, http);
  const httpHost = read.get('ACCORD_HTTP_HOST') ?? '0.0.0.0';
  const httpPort = read.number('ACCORD_HTTP_PORT', 8080, 0, 65_535, true);
  const cooldownSeconds = read.number('COOLDOWN_SECONDS', 3, 0, 3600, false);
  // Inside a shard process, ShardingManager sets SHARDS to the shard's own id: not ours to read.
  const shards = env.SHARDING_MANAGER === 'true' ? 1 : read.number('SHARDS', 1, 1, 1000, true);
  if (http && shards > 1) problems.push('SHARDS is for the gateway: in ACCORD_MODE=http run more replicas.');
  const shardSpawnDelayMs = read.number('SHARD_SPAWN_DELAY_MS', 5500, 0, 60_000, true);
  const searchPagesSeconds = read.number('SEARCH_PAGES_SECONDS', 300, 1, 840, false);
  const apiBase = readApiBase(read);

  if (problems.length) throw new ConfigError(problems);
  return {
    mode: mode as BotMode,
    token: token ?? '',
    publicKey,
    httpHost,
    httpPort,
    applicationId,
    guildId,
    corpusDir,
    logLevel: level as LogLevel,
    cooldownSeconds,
    shards,
    shardSpawnDelayMs,
    searchPagesSeconds,
    apiBase,
    cacheDir: readCacheDir(env),
    shardId: env.SHARDING_MANAGER === 'true' ? (env.SHARDS ?? null) : null,
  };
}

/** DISCORD_TOKEN, checked for the usual slips; never repeated in a problem. */
function readToken(read: Reader, required: boolean): string | null {
  const token = read.get('DISCORD_TOKEN');
  if (!token) {
    if (required)
      read.problems.push('DISCORD_TOKEN is not set: put the bot token from the Developer Portal in .env.');
  } else if (/^Bot\s/i.test(token))
    read.problems.push('DISCORD_TOKEN starts with "Bot ": give the token alone.');
  else if (/\s/.test(token) || token.split('.').length !== 3) {
    read.problems.push('DISCORD_TOKEN does not look like a bot token (three parts separated by dots).');
  }
  return token;
}

/** DISCORD_PUBLIC_KEY: needed in http mode, 64 hex digits when set. */
function readPublicKey(read: Reader, http: boolean): string | null {
  const publicKey = read.get('DISCORD_PUBLIC_KEY');
  if (http && !publicKey) {
    read.problems.push(
      'DISCORD_PUBLIC_KEY is not set: ACCORD_MODE=http needs the Public Key from the Developer Portal.',
    );
  } else if (publicKey && !/^[0-9a-f]{64}$/i.test(publicKey)) {
    read.problems.push(
      'DISCORD_PUBLIC_KEY must be 64 hexadecimal digits (the Public Key in the Developer Portal).',
    );
  }
  return publicKey;
}

/** DISCORD_API_BASE: an http(s) URL without the API version, trailing slashes dropped; null when unset. */
function readApiBase(read: Reader): string | null {
  const set = read.get('DISCORD_API_BASE');
  if (!set) return null;
  const apiBase = set.replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(apiBase)) {
    read.problems.push(
      `DISCORD_API_BASE must be an http(s) URL such as https://discord.com/api, ${got(apiBase)}.`,
    );
  } else if (/\/v\d+$/.test(apiBase)) {
    read.problems.push(
      'DISCORD_API_BASE must not end with the API version (/v10): it is added by the client.',
    );
  }
  return apiBase;
}
