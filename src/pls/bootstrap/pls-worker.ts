/**
 * Worker-thread entry of the PLS bootstrap pool (pool.ts): builds its replicator from the run's
 * description (PlsBootContextData), says it is ready, then answers each request { from, to } with
 * the outcomes of those resamples.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runChunk } from "./chunk.js";
import { createReplicator } from "./context.js";
import type { PlsBootContextData } from "./replicate.js";
import { isCloseMessage } from "../../sem/bootstrap/chunk-worker.js";

function start(port: NonNullable<typeof parentPort>): void {
  try {
    const rep = createReplicator(workerData as PlsBootContextData);
    port.on("message", (m: { from: number; to: number }) => {
      if (isCloseMessage(m)) {
        port.close();
        return;
      }
      try {
        const reply = runChunk(rep, m.from, m.to);
        port.postMessage(reply, [reply.values.buffer, reply.used.buffer] as ArrayBuffer[]);
      } catch (e) {
        port.postMessage({ error: e instanceof Error ? e.message : String(e) });
      }
    });
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}

if (parentPort !== null) start(parentPort);
