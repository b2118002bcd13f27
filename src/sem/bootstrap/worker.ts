/**
 * Worker-thread entry of the bootstrap pool (pool.ts): builds its ReplicationContext from the
 * run's description (ContextData) it is given, says it is ready, then answers each chunk
 * request { kind, batch, from, to } with the outcomes of those replications. It loads
 * the pipeline's preparation (and with it the options and data layers) only for the general path.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runChunk } from "./pool.js";
import { ReplicationContext, type ContextData, type ProblemFor, type TaskKind } from "./replicate.js";
import { isCloseMessage } from "./chunk-worker.js";

async function start(port: NonNullable<typeof parentPort>): Promise<void> {
  try {
    const data = workerData as ContextData;
    let problemFor: ProblemFor | undefined;
    if (!data.direct) {
      problemFor = (await import("../fit-model.js")).problemOf;
    }
    const ctx = new ReplicationContext(data, problemFor);
    const q = data.thetaHat.length;
    port.on("message", (m: { kind: TaskKind; batch: number; from: number; to: number }) => {
      if (isCloseMessage(m)) {
        port.close();
        return;
      }
      try {
        const reply = runChunk(ctx, m.kind, m.batch, m.from, m.to, q);
        port.postMessage(reply, [
          reply.theta.buffer,
          reply.chisq.buffer,
          reply.status.buffer,
          reply.negativeVariance.buffer,
        ] as ArrayBuffer[]);
      } catch (e) {
        port.postMessage({ error: e instanceof Error ? e.message : String(e) });
      }
    });
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}

if (parentPort !== null) void start(parentPort);
