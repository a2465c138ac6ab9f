// What a user's first integration test does: read each record, diff it against the desired one, PATCH
// what changed through the real client against the package's simulator, and read it back.
export async function roundTrip({ records, desired, simulator, client, get, patch, diff }) {
  const api = client(simulator.fetch);
  let patched = 0;
  for (const [index, want] of desired.entries()) {
    const id = records[index].id;
    const { body, noop } = diff(await get(api, id), want);
    if (noop) continue;
    await patch(api, id, body);
    patched++;
    const left = diff(await get(api, id), want);
    if (!left.noop)
      throw new Error(`record ${id} still differs after its PATCH: ${JSON.stringify(left.body)}`);
  }
  if (patched === 0) throw new Error("no record needed a PATCH: the check proved nothing");
  console.log(`patched ${patched} of ${desired.length} records through the simulator`);
}
