/** The corpus folder: its article files, or a clear error for the person who named it. */
import { statSync } from 'node:fs';
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
