/**
 * The architecture rule (.dependency-cruiser.cjs, run by `npm run lint`): it passes on the project, and
 * on a small tree made to break it, it names each broken rule.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

async function violations(cwd: string, paths: string[]): Promise<{ modules: number; found: Violation[] }> {
  const args = [...paths, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'];
  const { stdout } = await run(depcruise, args, { cwd, maxBuffer: 64 << 20 }).catch(
    // It exits non-zero when it finds violations; the report is still on stdout.
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(stdout) as {
    summary: { totalCruised: number; violations: Violation[] };
  };
  return { modules: report.summary.totalCruised, found: report.summary.violations };
}

const tree = mkdtempSync(join(tmpdir(), 'accord-arch-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(dirname(join(tree, file)), { recursive: true });
  writeFileSync(join(tree, file), text);
}

describe('the architecture rule', () => {
  it('holds on the project: no circle, no import up a layer', async () => {
    const { modules, found } = await violations(root, ['src', 'commands', 'scripts', 'test']);
    expect(modules).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('names an import up a layer, a circle, commands/ imported by the bot, and a folder with no layer', async () => {
    copyFileSync(join(root, 'tsconfig.json'), join(tree, 'tsconfig.json'));
    write(
      'src/text/words.ts',
      "import { answerOf } from '../answers/answer.ts';\nexport const w = answerOf;\n",
    );
    write('src/answers/answer.ts', 'export const answerOf = 1;\n');
    write('src/index/a.ts', "import { b } from './b.ts';\nexport const a = b;\n");
    write('src/index/b.ts', "import { a } from './a.ts';\nexport const b = () => a;\n");
    write('commands/index.ts', 'export const commands = [];\n');
    write(
      'src/bot/bot.ts',
      "import { commands } from '../../commands/index.ts';\nexport const c = commands;\n",
    );
    write('src/main.ts', "import { commands } from '../commands/index.ts';\nexport const c = commands;\n");
    write(
      'src/extra/thing.ts',
      "import { answerOf } from '../answers/answer.ts';\nexport const t = answerOf;\n",
    );
    const { found } = await violations(tree, ['src', 'commands']);
    const seen = found.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(seen).toEqual(
      [
        'commands-only-from-entry-points: src/bot/bot.ts -> commands/index.ts',
        'every-src-folder-has-a-layer: src/extra/thing.ts -> src/answers/answer.ts',
        'no-circular: src/index/a.ts -> src/index/b.ts',
        'no-import-up-from-bot: src/bot/bot.ts -> commands/index.ts',
        'no-import-up-from-text: src/text/words.ts -> src/answers/answer.ts',
      ].sort(),
    );
  });
});
