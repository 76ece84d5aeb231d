/**
 * Before each owner kept its own migrations, one list numbered them all and
 * `PRAGMA user_version` counted how many had run. For each owner, the
 * positions (1-based) its migrations had in that list; frozen, never edited.
 * The reminders plugin had position 2: its own first migration creates the
 * table only if it is missing, so it needs no entry here.
 */
const SINGLE_LIST_POSITIONS: Readonly<Record<string, readonly number[]>> = {
  memory: [1, 3, 5],
  bus: [4],
  workflows: [4],
};

/** How many of each owner's migrations a database at `userVersion` of the single list already has. */
export function legacyVersions(userVersion: number): Map<string, number> {
  const versions = new Map<string, number>();
  for (const [owner, positions] of Object.entries(SINGLE_LIST_POSITIONS)) {
    const applied = positions.filter((position) => position <= userVersion).length;
    if (applied > 0) versions.set(owner, applied);
  }
  return versions;
}
