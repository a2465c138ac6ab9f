/** The providers the generator knows: one spec in specs/, one package in packages/. */
export interface ProviderEntry {
  /** Folder name under packages/ and file name under specs/. */
  name: string;
  /** Prefix of the friendly type aliases (`FolkPerson` for the spec's `Person`). */
  prefix: string;
}

export const providers: readonly ProviderEntry[] = [
  { name: "stardex", prefix: "Stardex" },
  { name: "stackone", prefix: "StackOne" },
  { name: "folk", prefix: "Folk" },
  { name: "instaview", prefix: "Instaview" },
];
