/**
 * Worker-thread entry of the Monte Carlo pool (pool.ts): builds its context from the run's
 * specification, says it is ready, then answers each chunk { k, from, to } with its results.
 */
import { parentPort, workerData } from "node:worker_threads";
import { MonteCarloContext, type MonteCarloSpec } from "./montecarlo.js";
import { runChunk } from "./pool.js";
import { isCloseMessage } from "../sem/bootstrap/chunk-worker.js";

function start(port: NonNullable<typeof parentPort>): void {
  try {
    const { spec, q } = workerData as { spec: MonteCarloSpec; q: number };
    const ctx = new MonteCarloContext(spec);
    port.on("message", (c: { k: number; from: number; to: number }) => {
      if (isCloseMessage(c)) {
        port.close();
        return;
      }
      runChunk(ctx, c, q).then(
        (reply) =>
          port.postMessage(reply, [
            reply.est.buffer,
            reply.se.buffer,
            reply.p.buffer,
            reply.flags.buffer,
          ] as ArrayBuffer[]),
        (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) }),
      );
    });
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}

if (parentPort !== null) start(parentPort);
