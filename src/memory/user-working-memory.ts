import type { Store } from "../store/index.js";
import { roomScope, userScope } from "./memory-scopes.js";
import { ownRooms } from "./own-rooms.js";
import type { PastFact, WorkingMemory } from "./working-memory.js";

/** What an agent holds in working memory about one user, for a person to read and correct. */
export interface UserWorkingMemory {
  userId: string;
  /** The profile: current facts, `likes` and `dislikes` as comma-separated lists. */
  facts: { key: string; value: string }[];
  /** Facts that were replaced, oldest first. */
  history: PastFact[];
  /** Open goals of the rooms only this user talked in (their direct chats). */
  goals: string[];
  /** Epoch ms of the profile's last change; 0 when nothing is known. */
  updatedAt: number;
}

/** The user's profile and the open goals of their own rooms. */
export function readUserWorkingMemory(
  db: Store,
  working: WorkingMemory,
  agent: string,
  userId: string,
): UserWorkingMemory {
  const profile = working.get(userScope(userId));
  const goals = ownRooms(db, agent, userId).flatMap((room) => working.get(roomScope(room)).goals ?? []);
  return {
    userId,
    facts: Object.entries(profile.facts).map(([key, value]) => ({ key, value })),
    history: profile.history,
    goals,
    updatedAt: profile.updatedAt,
  };
}

/**
 * A person's corrections to a user's profile: each key set to its new value
 * (a list such as `likes` is replaced whole) or removed with null; the value
 * it had moves to history. A corrected fact has no recorded origin, so it is
 * said only in direct conversations (see `isVisibleIn`).
 */
export function correctUserFacts(
  working: WorkingMemory,
  userId: string,
  facts: Record<string, string | null>,
  now = Date.now(),
): void {
  working.update(userScope(userId), now, (document) => {
    for (const [key, value] of Object.entries(facts)) {
      const previous = document.facts[key];
      if (previous === value || (previous === undefined && value === null)) continue;
      if (previous !== undefined) document.history.push({ key, value: previous, until: now });
      if (value === null) delete document.facts[key];
      else document.facts[key] = value;
      if (document.origins) delete document.origins[key];
    }
  });
}
