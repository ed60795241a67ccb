import { parentPort } from 'node:worker_threads';
import { Shard, type FromWorker, type ToWorker } from './shard.js';

/** One core's share of a cold build: it loads its own jieba, parses and segments its files. */
const BATCH = 50;
const port = parentPort!;
const shard = new Shard();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'read') {
    send({ type: 'read', entries: shard.read(message.dir, message.files) });
    return;
  }
  let batch: FromWorker & { type: 'prepared' } = { type: 'prepared', batch: [] };
  for (const item of shard.prepare(message.vocabulary)) {
    batch.batch.push(item);
    if (batch.batch.length >= BATCH) {
      send(batch);
      batch = { type: 'prepared', batch: [] };
    }
  }
  if (batch.batch.length) send(batch);
  send({ type: 'done', words: [...shard.words], userWords: shard.userWords });
});
