/** Where a fact was stated: the room, and whether that room was private (a direct conversation). */
export interface FactOrigin {
  room: string;
  private: boolean;
}

/** The working-memory scope of one user across all rooms: their profile. */
export function userScope(userId: string): string {
  return `user:${userId}`;
}

/** Whether a working-memory scope belongs to this user (older keys join several parts with "|"). */
export function namesUser(scope: string, userId: string): boolean {
  return scope.split("|").includes(userScope(userId));
}

/** The working-memory scope of one room: its running summary and open goals. */
export function roomScope(room: string): string {
  return `room:${room}`;
}

/** The origin of what a user says in a room: private when the room is a direct conversation. */
export function factOrigin(room: { id: string; kind: "direct" | "group" }): FactOrigin {
  return { room: room.id, private: room.kind === "direct" };
}

/**
 * Whether a fact may be shown in `room`: anywhere when it was stated in a
 * group room, only in its own room when it was stated in a direct one. A fact
 * without a recorded origin counts as private to no room, so it is shown only
 * in direct conversations.
 */
export function isVisibleIn(origin: FactOrigin | undefined, room: { id: string; kind: "direct" | "group" }): boolean {
  if (room.kind === "direct") return true;
  if (!origin) return false;
  return !origin.private || origin.room === room.id;
}
