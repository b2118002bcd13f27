/**
 * Resamples [from, to) of a run, in one thread: the unit of work of the pool (pool.ts) and of the
 * in-thread run. Values are row-major (count × q); a resample that is not used has a NaN row and
 * its reason.
 */
import type { PlsReplicator } from "./replicate.js";

export interface ChunkReply {
  from: number;
  values: Float64Array;
  used: Uint8Array;
  reasons: string[];
}

export function runChunk(rep: PlsReplicator, from: number, to: number): ChunkReply {
  const q = rep.data.keys.length;
  const count = to - from;
  const values = new Float64Array(count * q).fill(NaN);
  const used = new Uint8Array(count);
  const reasons: string[] = [];
  for (let i = 0; i < count; i++) {
    const out = rep.run(from + i);
    if (out.values !== null) {
      values.set(out.values, i * q);
      used[i] = 1;
    }
    reasons.push(out.reason);
  }
  return { from, values, used, reasons };
}

/** All resamples of a run, stored by index. */
export interface RunResult {
  count: number;
  q: number;
  values: Float64Array;
  used: Uint8Array;
  reasons: string[];
}

export function emptyRun(count: number, q: number): RunResult {
  return {
    count,
    q,
    values: new Float64Array(count * q).fill(NaN),
    used: new Uint8Array(count),
    reasons: new Array<string>(count).fill(""),
  };
}

/** Stores a chunk's reply at its indices; returns the number of resamples it holds. */
export function storeChunk(run: RunResult, reply: ChunkReply): number {
  run.values.set(reply.values, reply.from * run.q);
  run.used.set(reply.used, reply.from);
  reply.reasons.forEach((r, i) => (run.reasons[reply.from + i] = r));
  return reply.used.length;
}
