/** The corpus folder: its article files, or a clear error for the person who named it. */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { listArticleFiles } from '../corpus/load.ts';
import { UserError } from '../program/errors.ts';

/** Thrown when the corpus folder itself cannot be used; the message is for the person who named it. */
export class CorpusFolderError extends UserError {}

/** The article files of a folder, sorted by name; a folder that cannot be used is a CorpusFolderError. */
export function listFolder(dir: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    throw new CorpusFolderError(`The corpus folder ${dir} does not exist.`);
  }
  if (!isFolder) {
    throw new CorpusFolderError(
      `${dir} is not a folder: point the corpus at a folder of .txt or .md articles.`,
    );
  }
  try {
    return listArticleFiles(dir);
  } catch (error) {
    throw new CorpusFolderError(`The corpus folder ${dir} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * Makes a folder and its missing parents, one level at a time. Node's recursive mkdir never returns where
 * a parent exists but refuses children (under /proc it retries forever, at full CPU, deaf to signals).
 */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  let dir = resolve(path);
  for (;;) {
    try {
      if (statSync(dir).isDirectory()) break;
      throw new Error(`${dir} is not a folder`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
