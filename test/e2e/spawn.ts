/** Running the bot's entry points in their own processes, as people do; every process is ended by its PID. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];
export const shardPids = new Set<number>();

/** Runs a TypeScript entry point with tsx, as npm start and npm run do, with only the given settings. */
export function run(file: string, env: Record<string, string>): Run {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DISCORD_|CORPUS_DIR|LOG_LEVEL|COOLDOWN|SHARD|SEARCH_PAGES)/.test(key),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    env: { ...clean, ACCORD_CACHE_DIR: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      into.push(...parts);
    };
  };
  child.stdout!.on('data', lines(stdout));
  child.stderr!.on('data', lines(stderr));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout, stderr, exited };
}

export function parsed(lines: string[]): Record<string, unknown>[] {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

export async function exitWithin(r: Run, ms: number) {
  return Promise.race([
    r.exited,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`process ${r.child.pid} did not exit within ${ms} ms`)), ms),
    ),
  ]);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills (SIGKILL, by PID) whatever a test left running. */
export function killLeftovers(): void {
  for (const child of started)
    if (child.pid && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of shardPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
}
