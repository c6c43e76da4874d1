/** A worker thread of cold indexing: reads, parses and extracts a share of the files. */
import { parentPort, workerData } from 'node:worker_threads';
import { storeRecord } from './cache.ts';
import type { WorkerMessage } from './load.ts';
import { isSkipped, readRecord } from './records.ts';

const { dir, files } = workerData as { dir: string; files: string[] };
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
// Records travel in their stored form: a third of the size, so a third of the copying between threads.
const records = files.map((file, i) => {
  if (i % 100 === 0) post({ done: i });
  const record = readRecord(dir, file);
  return isSkipped(record) ? record : storeRecord(record);
});
post({ records });
