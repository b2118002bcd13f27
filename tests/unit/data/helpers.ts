import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { InstrumentErrorCode } from "../../../src/instrument/messages.js";
import { InputError, type InputErrorCode } from "../../../src/sem/messages.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The path of a fixture file. */
export function fixture(name: string): string {
  return join(here, "fixtures", name);
}

/**
 * Assert that `run` throws an InputError with this code (the engine's or the instrument's) and exactly this one-line
 * message.
 */
export function expectInputError(
  run: () => unknown,
  code: InputErrorCode | InstrumentErrorCode,
  message: string,
): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  const error = caught as InputError;
  expect(error.message).toBe(message);
  expect(error.code).toBe(code);
  expect(error.message).not.toContain("\n");
}
