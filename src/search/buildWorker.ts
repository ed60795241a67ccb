import { parentPort } from 'node:worker_threads';
import type { PreparedDoc } from './prepare.js';
import { Shard, type FromWorker, type ToWorker } from './shard.js';

/** One core's share of a cold build: it loads its own jieba, parses and segments its files. */
const BATCH = 50;
const port = parentPort!;
const shard = new Shard();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'read') {
    send({ type: 'read', ...shard.read(message.dir, message.files) });
    return;
  }
  let batch: [string, PreparedDoc][] = [];
  shard.prepare(message.vocabulary, (path, prepared) => {
    batch.push([path, prepared]);
    if (batch.length < BATCH) return;
    send({ type: 'prepared', batch });
    batch = [];
  });
  if (batch.length) send({ type: 'prepared', batch });
  send({ type: 'done' });
});
