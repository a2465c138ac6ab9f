// An ESM user of @patchwise/stackone alone: diff and PATCH against its simulator (./testing).
import { createStackOneClient, diffCandidate, unwrap } from "@patchwise/stackone";
import {
  createStackOneSimulator,
  STACKONE_ACCOUNT_ID,
  sampleStackOneChanges,
  sampleStackOneRecords,
} from "@patchwise/stackone/testing";
import { roundTrip } from "./round-trip.mjs";

const records = sampleStackOneRecords(12, { seed: 7 });
const path = (id) => ({ params: { path: { id } } });
await roundTrip({
  records,
  desired: sampleStackOneChanges(records, { seed: 8, changedRatio: 1 }),
  simulator: createStackOneSimulator({ records }),
  client: (fetch) => createStackOneClient({ apiKey: "test-key", fetch, accountId: STACKONE_ACCOUNT_ID }),
  // StackOne returns custom fields only when asked to.
  get: async (api, id) =>
    (
      await unwrap(
        api.GET("/unified/ats/candidates/{id}", {
          params: { path: { id }, query: { include: "custom_fields" } },
        }),
      )
    ).data,
  patch: (api, id, body) => unwrap(api.PATCH("/unified/ats/candidates/{id}", { ...path(id), body })),
  diff: diffCandidate,
});
