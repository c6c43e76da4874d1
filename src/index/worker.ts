/**
 * A worker thread that reads, parses and extracts files. For cold indexing it is given its share of the
 * files and posts their records; serving (no files given) it says it has started ({ done: 0 }), then
 * reads each list of files it is sent and answers with their records, until it is terminated.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { storeRecord } from './cache.ts';
import type { WorkerMessage } from './load.ts';
import { isSkipped, readRecord } from './records.ts';

const { dir, files } = workerData as { dir: string; files?: string[] };
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
// Records travel in their stored form: a third of the size, so a third of the copying between threads.
const read = (file: string) => {
  const record = readRecord(dir, file);
  return isSkipped(record) ? record : storeRecord(record);
};
if (files) {
  const records = files.map((file, i) => {
    if (i % 100 === 0) post({ done: i });
    return read(file);
  });
  post({ records });
} else {
  parentPort?.on('message', (asked: string[]) => post({ records: asked.map(read) }));
  post({ done: 0 });
}
