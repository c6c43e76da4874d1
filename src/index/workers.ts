/**
 * Starting an Accord worker thread (worker.ts) from plain JavaScript. Started through tsx, a worker takes
 * 0.4-0.5 s on a quiet machine (registering tsx, then compiling its module graph); so the worker's code is
 * bundled once per content with esbuild into node_modules/.cache/accord/worker-<hash of src/>.mjs, where its
 * package imports resolve, and workers start on that file. The bundle is built in the background (once per
 * process, however many workers start meanwhile, and once per content across processes: a later start reuses
 * the file); a worker started before it is ready waits for it in worker-boot.mjs. If it cannot be built or
 * written (esbuild missing, a read-only folder), workers start through tsx as before; NODE_DEBUG=accord says
 * why. The newest few bundles are kept, older ones removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { debuglog } from 'node:util';
import { threadId, Worker } from 'node:worker_threads';
import type * as Esbuild from 'esbuild';
import { libraryVersion } from './cache.ts';

const debug = debuglog('accord');

/** What a worker is given: the corpus folder and, for cold indexing, its share of the files. */
export interface WorkerData {
  dir: string;
  files?: string[];
}

/** Where and what to bundle. */
export interface BundleOptions {
  /** The worker's module. */
  entry: string;
  /** The folder whose source files the bundle's name hashes (all of them: a superset of what it imports). */
  sources: string;
  /** Where bundles are written: a folder from which the worker's package imports resolve. */
  cacheDir: string;
}

const ENTRY = new URL('./worker.ts', import.meta.url);
const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/** The worker's bundle options in this project. */
export function defaultBundle(): BundleOptions {
  return {
    entry: fileURLToPath(ENTRY),
    sources: fileURLToPath(new URL('..', import.meta.url)),
    cacheDir: fileURLToPath(new URL('../../node_modules/.cache/accord/', import.meta.url)),
  };
}

/** Bundles kept in the cache folder, the one in use included; older ones are removed. */
const KEEP = 3;
/** Age after which a temporary file is taken as left by a stopped writer, in ms. */
const STALE_TEMPORARY = 60_000;
const BUNDLE_NAME = /^worker-[0-9a-f]+\.mjs$/;
/** esbuild builds under way in this thread. */
let building = 0;

/**
 * Bundles the worker's module (packages left as imports) into the cache folder, unless a bundle of the
 * same sources is there; resolves to its path, or to null (with a debug line) if it cannot.
 */
export async function workerBundle(options: BundleOptions): Promise<string | null> {
  try {
    const version = libraryVersion('esbuild');
    if (version === 'missing') throw new Error('esbuild is not installed');
    const path = join(options.cacheDir, `worker-${sourceHash(options, version)}.mjs`);
    if (existsSync(path)) {
      touch(path);
      return path;
    }
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
    let result: Esbuild.BuildResult<{ write: false }>;
    building++;
    try {
      result = await esbuild.build({
        entryPoints: [options.entry],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: `node${process.versions.node}`,
        packages: 'external',
        write: false,
        logLevel: 'silent',
      });
    } finally {
      // Its service process is not needed again (a build started meanwhile would stop with it).
      if (--building === 0) void esbuild.stop();
    }
    const code = result.outputFiles[0]!.contents;
    mkdirSync(options.cacheDir, { recursive: true });
    const temporary = `${path}.${process.pid}-${threadId}.tmp`;
    try {
      writeFileSync(temporary, code);
      renameSync(temporary, path); // whole or not at all, for a process starting workers at the same time
    } finally {
      if (existsSync(temporary)) unlinkSync(temporary);
    }
    prune(options.cacheDir, path);
    return path;
  } catch (error) {
    debug('workers start through tsx: no bundle (%s)', error instanceof Error ? error.message : error);
    return null;
  }
}

/** Marks a bundle as used now, so that it is the last to be removed (if its folder can be written). */
function touch(path: string): void {
  try {
    utimesSync(path, new Date(), new Date());
  } catch {
    // a read-only folder: nothing is removed from it either
  }
}

/** A hash of every source file under the sources folder, the entry and the esbuild version. */
function sourceHash(options: BundleOptions, esbuildVersion: string): string {
  const hash = createHash('sha1').update(`esbuild ${esbuildVersion}\n${options.entry}\n`);
  const names = readdirSync(options.sources, { recursive: true }).map(String).sort();
  for (const name of names) {
    if (!/\.(?:[cm]?[jt]s|json)$/.test(name)) continue;
    hash.update(`\n${name}\n`).update(readFileSync(join(options.sources, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Removes all but the KEEP most recently used bundles (`current` always kept) and stale temporaries. */
function prune(cacheDir: string, current: string): void {
  const now = Date.now();
  const bundles: { path: string; used: number }[] = [];
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    try {
      const used = statSync(path).mtimeMs;
      if (name.endsWith('.tmp') && now - used > STALE_TEMPORARY) unlinkSync(path);
      else if (BUNDLE_NAME.test(name) && path !== current) bundles.push({ path, used });
    } catch {
      // removed meanwhile by another process
    }
  }
  bundles.sort((a, b) => b.used - a.used);
  for (const { path } of bundles.slice(KEEP - 1)) {
    try {
      unlinkSync(path);
    } catch {
      // removed meanwhile by another process
    }
  }
}

/** The bundle of each cache folder: its path once known (null: none), and the build under way. */
const bundles = new Map<string, { path?: string | null; building: Promise<string | null> }>();

/** The bundle's path if it is ready, null if there will be none, or the promise of one. */
function bundleFor(options: BundleOptions): string | null | Promise<string | null> {
  let known = bundles.get(options.cacheDir);
  // A bundle removed since (by another process's pruning) is built again.
  if (known?.path && !existsSync(known.path)) known = undefined;
  if (known) return known.path !== undefined ? known.path : known.building;
  const entry: { path?: string | null; building: Promise<string | null> } = {
    building: workerBundle(options).then((path) => (entry.path = path)),
  };
  bundles.set(options.cacheDir, entry);
  return entry.building;
}

/**
 * Starts an Accord worker (worker.ts) with its data: on the bundle when it is ready; otherwise through
 * worker-boot.mjs, which waits for the bundle, or registers tsx and imports worker.ts if there is none.
 */
export function startWorker(data: WorkerData, options: BundleOptions = defaultBundle()): Worker {
  const bundle = bundleFor(options);
  if (typeof bundle === 'string') return spawn(bundle, data);
  const boot = {
    ...data,
    entry: pathToFileURL(options.entry).href,
    bundle: bundle === null ? null : undefined,
  };
  const worker = spawn(BOOT, boot);
  if (bundle !== null) void bundle.then((path) => worker.postMessage({ bundle: path }));
  return worker;
}

/**
 * A worker thread with this thread's Node options but tsx's loader: the bundle is JavaScript, worker-boot.mjs
 * registers tsx itself when it must, and an inherited loader costs a worker ~60 ms and ~10 MiB. Options that
 * a worker refuses when given explicitly (--expose-gc, --max-old-space-size...) make it inherit them all.
 */
function spawn(file: string | URL, workerData: unknown): Worker {
  const execArgv = withoutTsx(process.execArgv);
  if (execArgv.length === process.execArgv.length) return new Worker(file, { workerData });
  try {
    return new Worker(file, { workerData, execArgv });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(file, { workerData });
  }
}

const PRELOADS = new Set(['--require', '-r', '--import', '--loader', '--experimental-loader']);
const TSX = /(?:^|[\\/])tsx(?:[\\/]|$)/;

/** Node options without those that preload tsx (`--import tsx`, and what the tsx command adds). */
export function withoutTsx(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const option = execArgv[i]!;
    const equals = option.indexOf('=');
    const name = equals > 0 ? option.slice(0, equals) : option;
    const value = equals > 0 ? option.slice(equals + 1) : execArgv[i + 1];
    if (PRELOADS.has(name) && value !== undefined && TSX.test(value)) {
      if (equals < 0) i++;
      continue;
    }
    kept.push(option);
  }
  return kept;
}
