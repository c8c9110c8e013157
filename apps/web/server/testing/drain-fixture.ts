// A web server with a slow request for the drain tests, run in its own process
// (bundled by fixture-bundles-global-setup.ts, started by spawnFixture) so the test can signal it.
// GET /slow answers only after the test writes "release" to stdin.
import { createInterface } from "node:readline";
import pino from "pino";
import { Registry } from "prom-client";
import { startSlowFixtureServer } from "./slow-fixture-server";

const logger = pino({ name: "web", level: "info" });
let release!: () => void;
const released = new Promise<void>((resolve) => (release = resolve));
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "release") release();
});

await startSlowFixtureServer({ logger, registry: new Registry(), released, fastAnswer: "fast", routes: ["/slow"] });
