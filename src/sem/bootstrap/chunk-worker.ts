/**
 * One worker thread of a pool that hands out chunks of work (the SEM bootstrap, the PLS
 * bootstrap, Monte Carlo power): the worker says it is ready, is given a chunk after each reply,
 * and is closed when none is left.
 *
 * An idle worker is ended by asking it to close its port, and it exits by itself, so that Node
 * finishes its pending background tasks (V8's concurrent compilations) before the thread's
 * isolate goes away; `terminate()` stops the thread at once, and a compilation still running then
 * can abort the whole process (seen with Node 20: "NodePlatform::ForIsolate ... Assertion
 * failed"). A worker that has not exited after `graceMs` is terminated.
 */
import { Worker } from "node:worker_threads";

/** The message that asks a worker to close its port (each worker script checks `isCloseMessage`). */
export const CLOSE_MESSAGE = { close: true } as const;

export function isCloseMessage(m: unknown): boolean {
  return typeof m === "object" && m !== null && (m as { close?: unknown }).close === true;
}

export function closeWorker(w: Worker, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => void w.terminate().then(() => resolve()), graceMs);
    w.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    w.postMessage(CLOSE_MESSAGE);
  });
}

/**
 * Starts `script` with `workerData` and feeds it chunks from `take` (posted as `message(chunk)`)
 * until none is left; each reply goes to `onReply`. `done` rejects with the worker's error,
 * prefixed by `label`; `stop` terminates the worker (after a failure elsewhere).
 */
export function runChunkWorker<C, R>(
  script: string,
  workerData: unknown,
  take: () => C | null,
  message: (chunk: C) => unknown,
  onReply: (reply: R) => void,
  label: string,
): { done: Promise<void>; stop: () => void } {
  const w = new Worker(script, { workerData });
  const done = new Promise<void>((resolve, reject) => {
    const give = (): void => {
      const c = take();
      if (c === null) {
        void closeWorker(w).then(() => resolve());
        return;
      }
      w.postMessage(message(c));
    };
    w.on("message", (msg: R | { ready: true } | { error: string }) => {
      if (typeof msg === "object" && msg !== null && "error" in msg) {
        reject(new Error(`${label}: ${msg.error}`));
        return;
      }
      if (!(typeof msg === "object" && msg !== null && "ready" in msg)) onReply(msg as R);
      give();
    });
    w.on("error", reject);
  });
  return { done, stop: () => void w.terminate() };
}
