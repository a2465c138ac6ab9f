// An ESM user of @patchwise/instaview alone: diff and PATCH against its simulator (./testing).
import { createInstaviewClient, diffCandidate, unwrap } from "@patchwise/instaview";
import {
  createInstaviewSimulator,
  sampleInstaviewChanges,
  sampleInstaviewRecords,
} from "@patchwise/instaview/testing";
import { roundTrip } from "./round-trip.mjs";

const records = sampleInstaviewRecords(12, { seed: 7 });
const path = (id) => ({ params: { path: { id } } });
await roundTrip({
  records,
  desired: sampleInstaviewChanges(records, { seed: 8, changedRatio: 1 }),
  simulator: createInstaviewSimulator({ records }),
  client: (fetch) => createInstaviewClient({ apiKey: "test-key", fetch }),
  get: async (api, id) => await unwrap(api.GET("/candidates/{id}", path(id))),
  patch: (api, id, body) => unwrap(api.PATCH("/candidates/{id}", { ...path(id), body })),
  diff: diffCandidate,
});
