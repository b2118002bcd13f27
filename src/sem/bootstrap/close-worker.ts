/**
 * Ending an idle worker thread. The worker is asked to close its port and exits by itself, so
 * that Node finishes its pending background tasks (V8's concurrent compilations) before the
 * thread's isolate goes away; `terminate()` stops the thread at once, and a compilation still
 * running then can abort the whole process (seen with Node 20: "NodePlatform::ForIsolate ...
 * Assertion failed"). A worker that has not exited after `graceMs` is terminated.
 */
import type { Worker } from "node:worker_threads";

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
