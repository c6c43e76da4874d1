/**
 * Structured logs: one JSON object a line, on standard output, filtered by LOG_LEVEL.
 * Never log a token: configuration is logged by name, not by value.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds these fields to every line (the shard, for one). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Receives each line, without its newline. Default: standard output. */
  write?: (line: string) => void;
  base?: LogFields;
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = options.base ?? {};
  const log =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      const entry: LogFields = { time: new Date().toISOString(), level, msg, ...base };
      for (const [key, value] of Object.entries(fields)) entry[key] = serialize(value);
      write(safeStringify(entry));
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  };
}

/** Errors become plain objects (name, message, code, stack); everything else passes through. */
function serialize(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const out: LogFields = { name: value.name, message: value.message };
  const code = (value as { code?: unknown }).code;
  if (code !== undefined) out.code = code;
  const status = (value as { status?: unknown }).status;
  if (status !== undefined) out.status = status;
  if (value.stack) out.stack = value.stack;
  return out;
}

function safeStringify(entry: LogFields): string {
  try {
    return JSON.stringify(entry, (_key, value: unknown) =>
      typeof value === 'bigint' ? String(value) : value,
    );
  } catch {
    return JSON.stringify({
      time: entry.time,
      level: entry.level,
      msg: entry.msg,
      note: 'unserializable fields',
    });
  }
}
