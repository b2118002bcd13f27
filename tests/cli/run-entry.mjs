// Runs the CLI through a given entry module (the bundle or tsc's dist/cli/main.js):
//   node tests/cli/run-entry.mjs ENTRY [isrs arguments...]
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [entry, ...args] = process.argv.slice(2);
const { main } = await import(pathToFileURL(resolve(entry)).href);
process.exitCode = await main([process.argv[0], "isrs", ...args]);
