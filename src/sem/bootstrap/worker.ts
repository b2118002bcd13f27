/**
 * Worker-thread entry of the bootstrap pool (pool.ts): builds its ReplicationContext from the
 * job it is given, says it is ready, then answers each chunk request { kind, batch, from, to }
 * with the outcomes of those replications.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runChunk } from "./pool.js";
import { ReplicationContext, type ReplicationJob, type TaskKind } from "./replicate.js";

const port = parentPort;
if (port !== null) {
  try {
    const job = workerData as ReplicationJob;
    const ctx = new ReplicationContext(job);
    const q = job.thetaHat.length;
    port.on("message", (m: { kind: TaskKind; batch: number; from: number; to: number }) => {
      try {
        const reply = runChunk(ctx, m.kind, m.batch, m.from, m.to, q);
        port.postMessage(reply, [reply.theta.buffer, reply.chisq.buffer, reply.status.buffer, reply.negativeVariance.buffer] as ArrayBuffer[]);
      } catch (e) {
        port.postMessage({ error: e instanceof Error ? e.message : String(e) });
      }
    });
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}
