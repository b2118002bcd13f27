/**
 * Monte Carlo replications over worker threads (node:worker_threads), as the bootstrap's pool
 * (src/sem/bootstrap/pool.ts): the work is cut into chunks of consecutive replications of one
 * sample size; this thread and K − 1 workers each take the next chunk when idle, and every result
 * is stored at its replication index, so the numbers are the same for any number of threads
 * (each replication draws from its own seeded generator: montecarlo.ts).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MonteCarloContext, type MonteCarloSpec, type ReplicationResult } from "./montecarlo.js";
import { runChunkWorker } from "../sem/bootstrap/chunk-worker.js";

const CHUNK = 8;

export function defaultPowerWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The built worker script: from the TypeScript sources (tests) the one tsc compiled into
 * dist/power/; in dist/power/ (tsc) the worker.js beside this module; in the CLI bundle (one flat
 * folder, dist/bundle/) the power-worker.js entry. Null when it has not been built.
 */
function workerScript(): string | null {
  const here = import.meta.url;
  const url = here.endsWith(".ts")
    ? new URL("../../dist/power/worker.js", here)
    : new URL(/\/power\/[^/]*$/.test(here) ? "./worker.js" : "./power-worker.js", here);
  const file = fileURLToPath(url);
  return existsSync(file) ? file : null;
}

interface Chunk {
  k: number;
  from: number;
  to: number;
}

/** A chunk's results, flat for transfer: est, se, p are count × q; flags 1 converged, 2 admissible. */
export interface ChunkReply {
  k: number;
  from: number;
  est: Float64Array;
  se: Float64Array;
  p: Float64Array;
  flags: Uint8Array;
}

export async function runChunk(ctx: MonteCarloContext, c: Chunk, q: number): Promise<ChunkReply> {
  const m = c.to - c.from;
  const reply: ChunkReply = {
    k: c.k,
    from: c.from,
    est: new Float64Array(m * q),
    se: new Float64Array(m * q),
    p: new Float64Array(m * q),
    flags: new Uint8Array(m),
  };
  for (let i = 0; i < m; i++) {
    const r = ctx.run(c.k, c.from + i, q);
    reply.est.set(r.est, i * q);
    reply.se.set(r.se, i * q);
    reply.p.set(r.p, i * q);
    reply.flags[i] = (r.converged ? 1 : 0) | (r.admissible ? 2 : 0);
  }
  return reply;
}

function unpack(reply: ChunkReply, q: number, out: ReplicationResult[][]): number {
  const m = reply.flags.length;
  for (let i = 0; i < m; i++)
    out[reply.k]![reply.from + i] = {
      est: reply.est.slice(i * q, (i + 1) * q),
      se: reply.se.slice(i * q, (i + 1) * q),
      p: reply.p.slice(i * q, (i + 1) * q),
      converged: (reply.flags[i]! & 1) !== 0,
      admissible: (reply.flags[i]! & 2) !== 0,
    };
  return m;
}

/** Every replication of every sample size: results[k][rep]; `threads` says how many did the work. */
export async function runReplications(
  spec: MonteCarloSpec,
  q: number,
  opts: { workers: number; onProgress?: (done: number, total: number) => void },
): Promise<{ results: ReplicationResult[][]; threads: number }> {
  const ctx = new MonteCarloContext(spec);
  const chunks: Chunk[] = [];
  spec.ns.forEach((_, k) => {
    for (let from = 0; from < spec.reps; from += CHUNK) chunks.push({ k, from, to: Math.min(spec.reps, from + CHUNK) });
  });
  const results: ReplicationResult[][] = spec.ns.map(() => new Array<ReplicationResult>(spec.reps));
  const total = spec.ns.length * spec.reps;
  const script = workerScript();
  const threads = script === null ? 1 : Math.max(1, Math.min(opts.workers, chunks.length));
  let next = 0;
  let done = 0;
  const take = (): Chunk | null => (next < chunks.length ? chunks[next++]! : null);
  const onReply = (reply: ChunkReply): void => {
    done += unpack(reply, q, results);
    opts.onProgress?.(done, total);
  };
  const workers = Array.from({ length: threads - 1 }, () =>
    runChunkWorker(script!, { spec, q }, take, (c: Chunk) => c, onReply, "power worker"),
  );
  const finished = Promise.all(workers.map((w) => w.done));
  finished.catch(() => undefined);
  try {
    for (let c = take(); c !== null; c = take()) {
      onReply(await runChunk(ctx, c, q));
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await finished;
  } finally {
    for (const w of workers) w.stop();
  }
  return { results, threads };
}
