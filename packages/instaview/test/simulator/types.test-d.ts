// Type tests of `@patchwise/instaview/testing`: checked by `tsc` (pnpm typecheck).
import type { Simulator } from "@patchwise/core/testing";
import { expectTypeOf } from "vitest";
import { createInstaviewClient, type InstaviewCandidate } from "../../src/index.ts";
import {
  createInstaviewSimulator,
  type InstaviewSimulator,
  type InstaviewSimulatorOptions,
  sampleInstaviewChanges,
  sampleInstaviewRecords,
} from "../../src/testing.ts";

const sim = createInstaviewSimulator({ records: sampleInstaviewRecords(2), rateLimit: { limit: 60 } });
expectTypeOf(sim).toEqualTypeOf<InstaviewSimulator>();
expectTypeOf(sim).toExtend<Simulator>();
expectTypeOf(sim.get).returns.toEqualTypeOf<InstaviewCandidate | undefined>();
expectTypeOf(sim.all).returns.toEqualTypeOf<InstaviewCandidate[]>();
expectTypeOf(sampleInstaviewChanges(sim.all())).toEqualTypeOf<InstaviewCandidate[]>();

// The simulator's fetch is a client's fetch.
export const client = createInstaviewClient({ apiKey: sim.apiKey, fetch: sim.fetch });

// A seed record is the read shape, optionally with its company.
sim.seed([{ ...sampleInstaviewRecords(1)[0]!, companyId: "co_2" }]);
// @ts-expect-error a seed record needs the read shape's required fields (here: all but the id)
sim.seed([{ id: "3f1c2a9e-5b7d-4e1a-9c2f-8d6b4a0e7f21" }]);
// @ts-expect-error scopes are Instaview's three
export const badScope: InstaviewSimulatorOptions = { scopes: ["admin"] };
// @ts-expect-error the GDPR date is written as a date or a timestamp
export const badFormat: InstaviewSimulatorOptions = { gdprDateFormat: "epoch" };
