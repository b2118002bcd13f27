/**
 * The CLI's commands, in the order of src/cli/main.ts COMMANDS: `commandsFor` lists every one of
 * them when the arguments name no command. The tests that go through all the commands read the
 * list here, so that a new command is covered without editing them.
 */
import { commandsFor } from "../../src/cli/main.js";

export const COMMANDS: readonly string[] = commandsFor(["node", "isrs"]);
