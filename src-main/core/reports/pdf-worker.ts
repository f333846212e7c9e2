/**
 * The PDF worker thread (bundled by scripts/build-main.mjs as `pdf-worker.cjs` beside the
 * main bundle, with `fonts/` beside it): lays out the PDFs main asks for, so a long report
 * never holds up the event loop that answers the chairs.
 */
import { parentPort } from 'node:worker_threads';
import { makePdf, type PdfJob } from './pdf-jobs';

if (!parentPort) throw new Error('pdf-worker runs as a worker thread');
const port = parentPort;
port.on('message', (message: { id: number; job: PdfJob }) => {
  makePdf(message.job).then(
    (bytes) => port.postMessage({ id: message.id, bytes }),
    (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
