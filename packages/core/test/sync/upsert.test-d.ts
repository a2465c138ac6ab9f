// Type tests: checked by `tsc` (pnpm typecheck); each @ts-expect-error must be needed on its exact line.
import { expectTypeOf } from "vitest";
import type { Created, ResourceAdapter, SyncReport, SyncStage } from "../../src/index.ts";

type Thing = { id?: string; name?: string };
type Adapter = ResourceAdapter<Thing, { name?: string }>;

// The upsert members are optional: an adapter without them syncs by id only.
expectTypeOf<Adapter["naturalKey"]>().toEqualTypeOf<((record: Thing) => string | undefined) | undefined>();
expectTypeOf<NonNullable<Adapter["findByKey"]>>().returns.toEqualTypeOf<Promise<Thing[]>>();
expectTypeOf<NonNullable<Adapter["create"]>>().returns.toEqualTypeOf<Promise<Created<Thing>>>();
expectTypeOf<Created<Thing>>().toEqualTypeOf<{ id: string; record?: Thing }>();
expectTypeOf<SyncReport<Thing>["created"]>().toBeNumber();
expectTypeOf<"key" | "lookup" | "create">().toExtend<SyncStage>();

// @ts-expect-error a create answers the new record's id, not a bare string
export const bare: NonNullable<Adapter["create"]> = async () => "id";
