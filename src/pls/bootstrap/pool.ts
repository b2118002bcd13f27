/**
 * Runs the resamples of a PLS bootstrap on worker threads (node:worker_threads), with the design
 * of the SEM bootstrap's pool (sem/bootstrap/pool.ts): the resamples are cut into chunks of
 * consecutive indices, an idle thread takes the next chunk, every result is stored at its
 * resample index, and each resample reads its own random stream, so the numbers are the same
 * whatever the number of threads and the order in which chunks finish. This thread takes chunks
 * too. With one thread, few resamples, or no built worker script, everything runs here.
 * Node only: the browser-safe entry runs resamples in its own thread (run.ts).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultWorkers } from "../../sem/bootstrap/pool.js";
import { emptyRun, runChunk, storeChunk, type ChunkReply, type RunResult } from "./chunk.js";
import { createReplicator } from "./context.js";
import type { PlsBootContextData } from "./replicate.js";
import { runChunkWorker } from "../../sem/bootstrap/chunk-worker.js";

export { defaultWorkers };

export interface PlsPoolOptions {
  /** threads wanted, this one included; 1 runs in this thread only */
  workers: number;
  /** below this many resamples, run in this thread (a worker costs tens of milliseconds to start) */
  minTasksForWorkers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface PlsPoolReport {
  run: RunResult;
  threads: number;
  /** why the work ran in this thread although more threads were asked for ("" otherwise) */
  note: string;
}

const CHUNK = 16;
export const PLS_MIN_TASKS_FOR_WORKERS = 64;

/**
 * The worker script built with the running code: pls-worker.js next to this module (in dist/ from
 * tsc, and in the flat CLI bundle, dist/bundle/); from the TypeScript sources (tests) the one
 * compiled by tsc. Null when it has not been built.
 */
export function plsWorkerScript(): string | null {
  const here = import.meta.url;
  const url = here.endsWith(".ts")
    ? new URL("../../../dist/pls/bootstrap/pls-worker.js", here)
    : new URL("./pls-worker.js", here);
  const file = fileURLToPath(url);
  return existsSync(file) ? file : null;
}

export async function runPlsResamples(
  data: PlsBootContextData,
  count: number,
  opts: PlsPoolOptions,
): Promise<PlsPoolReport> {
  const rep = createReplicator(data);
  const run = emptyRun(count, data.keys.length);
  const chunks: [number, number][] = [];
  for (let from = 0; from < count; from += CHUNK) chunks.push([from, Math.min(count, from + CHUNK)]);
  const script = plsWorkerScript();
  const wanted = Math.min(opts.workers, chunks.length);
  let note = "";
  if (wanted > 1 && count < (opts.minTasksForWorkers ?? PLS_MIN_TASKS_FOR_WORKERS))
    note = `in this thread: only ${count} resamples`;
  else if (wanted > 1 && script === null)
    note = "in this thread: the worker script was not found next to the code; run the build (npm run build)";
  const threads = wanted <= 1 || note !== "" ? 1 : wanted;
  let next = 0;
  let done = 0;
  const take = (): [number, number] | null => (next < chunks.length ? chunks[next++]! : null);
  const onReply = (reply: ChunkReply): void => {
    done += storeChunk(run, reply);
    opts.onProgress?.(done, count);
  };
  const workers = Array.from({ length: threads - 1 }, () =>
    runChunkWorker(
      script!,
      data,
      take,
      (c: [number, number]) => ({ from: c[0], to: c[1] }),
      onReply,
      "PLS bootstrap worker",
    ),
  );
  const finished = Promise.all(workers.map((w) => w.done));
  finished.catch(() => undefined); // rethrown below, once this thread is done
  try {
    for (let c = take(); c !== null; c = take()) {
      onReply(runChunk(rep, c[0], c[1]));
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve)); // let replies in
    }
    await finished;
  } finally {
    for (const w of workers) w.stop();
  }
  return { run, threads, note };
}
