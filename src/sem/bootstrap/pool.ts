/**
 * Runs replications in worker threads (node:worker_threads) or in this thread. Work is cut
 * into chunks of consecutive replication indices; an idle worker takes the next chunk, and
 * every result is stored at its replication index, so the assembled results are the same
 * whatever the number of workers and the order in which chunks finish (each replication reads
 * its own random stream: prng.ts). Workers run the built worker script (workerScript(): the
 * bundled one under the CLI) and build their own ReplicationContext from the same ContextData;
 * this thread takes chunks too. With one thread, few tasks, or no built worker file, everything
 * runs in this thread.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { ContextData, ReplicationContext, ReplicationOutcome, TaskKind } from "./replicate.js";
import { runChunkWorker } from "./chunk-worker.js";

export interface TaskBatch {
  kind: TaskKind;
  count: number;
}

/** The outcomes of one kind of task, by index. */
export interface BatchResult {
  kind: TaskKind;
  count: number;
  /** count × q estimates, row-major (NaN rows for failed replications) */
  theta: Float64Array;
  chisq: Float64Array;
  status: Uint8Array;
  negativeVariance: Uint8Array;
  /** why each unused replication was not used ("" when used) */
  reasons: string[];
}

export interface PoolOptions {
  /** threads wanted, this one included (K − 1 worker threads); 1 runs in this thread only */
  workers: number;
  /** below this many tasks in all, run in this thread (a worker costs tens of milliseconds to start) */
  minTasksForWorkers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface PoolReport {
  results: BatchResult[];
  /** threads that did the work (1 when in-process) */
  threads: number;
  /** why the work ran in this thread although more workers were asked for */
  note: string;
}

export const DEFAULT_MIN_TASKS_FOR_WORKERS = 100;
const CHUNK = 16;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The worker script built together with the code that is running, so that both sides agree on
 * the messages: the file next to this module in both builds, dist/bundle/worker.js in the CLI
 * bundle (esbuild writes the entries and every chunk into that one folder) and
 * dist/sem/bootstrap/worker.js among the modules compiled by tsc; from the TypeScript sources
 * (tests), the compiled one. Null when it has not been built.
 */
export function workerScript(): string | null {
  const here = import.meta.url;
  const url = here.endsWith(".ts")
    ? new URL("../../../dist/sem/bootstrap/worker.js", here)
    : new URL("./worker.js", here);
  const file = fileURLToPath(url);
  return existsSync(file) ? file : null;
}

interface Chunk {
  batch: number;
  from: number;
  to: number;
}

/** The message a worker sends back for one chunk. */
export interface ChunkReply {
  batch: number;
  from: number;
  theta: Float64Array;
  chisq: Float64Array;
  status: Uint8Array;
  negativeVariance: Uint8Array;
  reasons: string[];
}

function emptyResult(kind: TaskKind, count: number, q: number): BatchResult {
  return {
    kind,
    count,
    theta: new Float64Array(count * q),
    chisq: new Float64Array(count),
    status: new Uint8Array(count),
    negativeVariance: new Uint8Array(count),
    reasons: new Array<string>(count).fill(""),
  };
}

/** Runs tasks [from, to) of one kind in a context; used in this thread and by the worker. */
export function runChunk(
  ctx: ReplicationContext,
  kind: TaskKind,
  batch: number,
  from: number,
  to: number,
  q: number,
): ChunkReply {
  const n = to - from;
  const reply: ChunkReply = {
    batch,
    from,
    theta: new Float64Array(n * q),
    chisq: new Float64Array(n),
    status: new Uint8Array(n),
    negativeVariance: new Uint8Array(n),
    reasons: [],
  };
  for (let i = 0; i < n; i++) {
    const out: ReplicationOutcome = ctx.run(kind, from + i);
    reply.theta.set(out.theta, i * q);
    reply.chisq[i] = out.chisq;
    reply.status[i] = out.status;
    reply.negativeVariance[i] = out.negativeVariance ? 1 : 0;
    reply.reasons.push(out.reason);
  }
  return reply;
}

function store(results: BatchResult[], reply: ChunkReply, q: number): number {
  const r = results[reply.batch]!;
  const n = reply.status.length;
  r.theta.set(reply.theta, reply.from * q);
  r.chisq.set(reply.chisq, reply.from);
  r.status.set(reply.status, reply.from);
  r.negativeVariance.set(reply.negativeVariance, reply.from);
  for (let i = 0; i < n; i++) r.reasons[reply.from + i] = reply.reasons[i]!;
  return n;
}

function chunksOf(batches: readonly TaskBatch[]): Chunk[] {
  const out: Chunk[] = [];
  batches.forEach((b, batch) => {
    for (let from = 0; from < b.count; from += CHUNK) out.push({ batch, from, to: Math.min(b.count, from + CHUNK) });
  });
  return out;
}

/**
 * A worker pays for itself only when this thread's remaining work, at its warm rate, exceeds
 * what the worker costs before it helps: Node's start of the thread, loading the worker script
 * and compiling the kernel again in its own isolate (about a quarter of a second of one core on
 * a quiet machine). This thread works alone for WARM_MS first (its rate is then that of
 * compiled code), and starts the workers only if the projected rest exceeds WORKER_PAYS_MS.
 */
const WARM_MS = 150;
const WORKER_PAYS_MS = 300;

/**
 * Runs every task of every batch. `ctx` is this thread's context; workers get its data. With
 * K threads, this thread works on chunks too, next to K − 1 workers: it is already warm (its
 * code has been compiled while fitting the model), whereas each worker first loads the modules
 * and warms up. The workers start once this thread has worked WARM_MS and its projected rest
 * exceeds WORKER_PAYS_MS (at once when `minTasksForWorkers` is 0: tests of the workers).
 */
export async function runTasks(
  ctx: ReplicationContext,
  batches: readonly TaskBatch[],
  opts: PoolOptions,
): Promise<PoolReport> {
  const q = ctx.data.thetaHat.length;
  const results = batches.map((b) => emptyResult(b.kind, b.count, q));
  const chunks = chunksOf(batches);
  const total = batches.reduce((a, b) => a + b.count, 0);
  const script = workerScript();
  const wanted = Math.min(opts.workers, chunks.length);
  let note = "";
  if (wanted > 1 && total < (opts.minTasksForWorkers ?? DEFAULT_MIN_TASKS_FOR_WORKERS))
    note = `in this thread: only ${total} refits`;
  else if (wanted > 1 && script === null)
    note = "in this thread: the worker script was not found next to the code; run the build (npm run build)";
  const threads = wanted <= 1 || note !== "" ? 1 : wanted;
  let next = 0;
  let done = 0;
  const take = (): Chunk | null => (next < chunks.length ? chunks[next++]! : null);
  const onReply = (reply: ChunkReply): void => {
    done += store(results, reply, q);
    opts.onProgress?.(done, total);
  };
  let workers: ReturnType<typeof runChunkWorker>[] = [];
  let finished: Promise<unknown> = Promise.resolve();
  const startWorkers = (): void => {
    workers = Array.from({ length: threads - 1 }, () =>
      runChunkWorker(
        script!,
        ctx.data,
        take,
        (c: Chunk) => ({ kind: batches[c.batch]!.kind, batch: c.batch, from: c.from, to: c.to }),
        onReply,
        "bootstrap worker",
      ),
    );
    finished = Promise.all(workers.map((w) => w.done));
    finished.catch(() => undefined); // a worker's failure is rethrown below, once this thread is done
  };
  let deciding = threads > 1;
  if (deciding && opts.minTasksForWorkers === 0) {
    startWorkers();
    deciding = false;
  }
  const t0 = performance.now();
  try {
    for (let c = take(); c !== null; c = take()) {
      const t = performance.now();
      onReply(runChunk(ctx, batches[c.batch]!.kind, c.batch, c.from, c.to, q));
      if (deciding && performance.now() - t0 >= WARM_MS) {
        const rest = ((total - done) * (performance.now() - t)) / (c.to - c.from);
        if (rest > WORKER_PAYS_MS) startWorkers();
        else note = "in this thread: the refits left would take less time than starting a worker";
        deciding = false;
      }
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve)); // let the workers' replies in
    }
    await finished;
  } finally {
    for (const w of workers) w.stop();
  }
  return { results, threads: workers.length + 1, note };
}
