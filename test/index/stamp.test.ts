import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FINE_RACY_MS, RACY_MS, stampOf } from '../../src/index/records.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function file(text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'accord-stamp-'));
  roots.push(root);
  const path = join(root, 'a.txt');
  writeFileSync(path, text);
  return path;
}
const changedAt = (path: string) => Number(statSync(path, { bigint: true }).ctimeNs / 1_000_000n);

describe('the stamp of a file', () => {
  it('changes when the file is rewritten with its old size and modification time restored (cp -p, touch -r)', () => {
    const path = file('The lab opened in Leeds.');
    const reference = `${path}.reference`;
    expect(spawnSync('cp', ['-p', path, reference]).status).toBe(0);
    const later = Date.now() + 60_000;
    const before = stampOf(path, later);
    writeFileSync(path, 'The lab opened in Derby.');
    expect(spawnSync('touch', ['-r', reference, path]).status).toBe(0);
    expect(statSync(path).size).toBe(statSync(reference).size);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(statSync(reference, { bigint: true }).mtimeNs);
    expect(before).not.toBe('');
    expect(stampOf(path, later)).not.toBe('');
    expect(stampOf(path, later)).not.toBe(before);
  });

  it('is none (compare the bytes) while the file changed within the racy window, and stays put after it', () => {
    const path = file('The lab opened in Leeds.');
    const at = changedAt(path);
    const fine = statSync(path, { bigint: true }).ctimeNs % 1_000_000_000n !== 0n;
    const window = fine ? FINE_RACY_MS : RACY_MS;
    expect(stampOf(path, at + window - 1)).toBe('');
    expect(stampOf(path, at + window)).not.toBe('');
    expect(stampOf(path, at + window)).toBe(stampOf(path, at + RACY_MS + 1));
    expect(stampOf(join(path, 'missing'), at + RACY_MS)).toBe('');
  });
});
