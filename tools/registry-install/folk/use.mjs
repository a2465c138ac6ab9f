// An ESM user of @patchwise/folk alone: diff and PATCH against its simulator (./testing).
import { createFolkClient, diffPerson, unwrap } from "@patchwise/folk";
import { createFolkSimulator, sampleFolkChanges, sampleFolkRecords } from "@patchwise/folk/testing";
import { roundTrip } from "./round-trip.mjs";

const records = sampleFolkRecords(12, { seed: 7 });
const path = (id) => ({ params: { path: { personId: id } } });
await roundTrip({
  records,
  desired: sampleFolkChanges(records, { seed: 8, changedRatio: 1 }),
  simulator: createFolkSimulator({ records }),
  client: (fetch) => createFolkClient({ apiKey: "test-key", fetch }),
  get: async (api, id) => (await unwrap(api.GET("/v1/people/{personId}", path(id)))).data,
  patch: (api, id, body) => unwrap(api.PATCH("/v1/people/{personId}", { ...path(id), body })),
  diff: diffPerson,
});
