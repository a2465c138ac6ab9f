/**
 * A provider's simulator in a process of its own (forked by `startSimulator`), so that the client under
 * test and the server it calls do not share one thread. Messages: the parent sends `{ type: "start",
 * provider, records }`, this answers `{ type: "ready", url }`; then `{ type: "log" }` gets
 * `{ type: "log", log }`, and `{ type: "close" }` closes the server and ends the process.
 */
import { providers } from "./providers.ts";
import { type ParentMessage, summarize } from "./remote-simulator.ts";

const send = (message: unknown) => process.send!(message);

process.once("message", async (start: ParentMessage) => {
  if (start.type !== "start") throw new Error(`simulator process: expected start, got ${start.type}`);
  const provider = providers.find((p) => p.name === start.provider);
  if (!provider) throw new Error(`simulator process: no provider ${start.provider}`);
  const simulator = provider.simulator(start.records);
  const server = await simulator.listen();
  process.on("message", async (message: ParentMessage) => {
    if (message.type === "log") send({ type: "log", log: summarize(simulator.requests) });
    else if (message.type === "close") {
      await server.close();
      process.exit(0);
    }
  });
  send({ type: "ready", url: server.url });
});
