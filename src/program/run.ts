/**
 * How every entry point of Accord starts and ends (src/main.ts, src/shard.ts, src/cli/ask.ts,
 * scripts/deploy-commands.ts): its body returns an exit code, and whatever it throws is printed here, once.
 */
import { UserError } from './errors.ts';

/**
 * Prints an error the one way: a UserError as its message (exit code 2, or its own); anything else as
 * "program: stack" (exit code 1), since it is a bug to report.
 */
export function reportError(program: string, error: unknown): number {
  if (error instanceof UserError) {
    process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `${program}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}

/** Runs a program's body to its exit code: what it returns, or what reportError makes of what it throws. */
export async function exitCodeOf(program: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    return reportError(program, error);
  }
}

/** Runs an entry point: sets the process's exit code, then calls `finish` with it (a shard disconnects). */
export function runProgram(
  program: string,
  body: () => Promise<number>,
  finish?: (code: number) => void,
): void {
  void exitCodeOf(program, body).then((code) => {
    process.exitCode = code;
    finish?.(code);
  });
}
