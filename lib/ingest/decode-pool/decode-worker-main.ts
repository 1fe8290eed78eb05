// Entry of a decode worker thread (bundled to dist/ingest-decode-worker.mjs by
// scripts/build-worker-bundles.mjs): runs each job it is sent and posts back the result or the
// error as data. One job at a time: the pool sends the next only after the reply.
import { parentPort, threadId } from 'node:worker_threads';
import { type DecodeReply, type DecodeRequest, serializeDecodeError } from './decode-job';
import { runDecodeJob } from './run-decode-job';

const port = parentPort;
if (!port) throw new Error('decode-worker-main must run in a worker thread');

port.on('message', async ({ id, job }: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    reply = { id, ok: true, classified: await runDecodeJob(job), threadId };
  } catch (err) {
    reply = { id, ok: false, error: serializeDecodeError(err) };
  }
  port.postMessage(reply);
});
