// An ESM user of @patchwise/stardex alone: diff and PATCH against its simulator (./testing).
import { createStardexClient, diffPerson, unwrap } from "@patchwise/stardex";
import {
  createStardexSimulator,
  sampleStardexChanges,
  sampleStardexRecords,
} from "@patchwise/stardex/testing";
import { roundTrip } from "./round-trip.mjs";

const records = sampleStardexRecords(12, { seed: 7 });
const path = (id) => ({ params: { path: { id } } });
await roundTrip({
  records,
  desired: sampleStardexChanges(records, { seed: 8, changedRatio: 1 }),
  simulator: createStardexSimulator({ records }),
  client: (fetch) => createStardexClient({ apiKey: "test-key", fetch }),
  get: async (api, id) => (await unwrap(api.GET("/v1/persons/{id}", path(id)))).data,
  patch: (api, id, body) => unwrap(api.PATCH("/v1/persons/{id}", { ...path(id), body })),
  diff: diffPerson,
});
