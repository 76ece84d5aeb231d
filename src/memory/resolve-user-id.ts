import type { Store } from "../store/index.js";
import { AmbiguousUserError } from "./ambiguous-user-error.js";

/**
 * The stored user id that a person means: an id as stored (`terminal:ada`,
 * `http:ada`), or the name someone chatted under (`ada` after
 * `troupe chat --user Ada`, or after `{"user": "ada"}` over HTTP) when it
 * names exactly one user of the agent. Anything else is returned unchanged
 * and matches nothing; undefined stays undefined. Throws
 * `AmbiguousUserError` when the name fits several users.
 */
export function resolveUserId(db: Store, agent: string, user: string | undefined): string | undefined {
  if (user === undefined) return undefined;
  const known = db
    .prepare<[{ agent: string }], { user_id: string; user_name: string }>(
      `SELECT DISTINCT user_id, user_name FROM messages WHERE agent = @agent AND role = 'user'
       UNION SELECT DISTINCT user_id, '' FROM memories WHERE agent = @agent AND user_id IS NOT NULL`,
    )
    .all({ agent });
  if (known.some((row) => row.user_id === user)) return user;
  const wanted = user.toLowerCase();
  const matches = [
    ...new Set(
      known
        .filter((row) => row.user_id.toLowerCase().endsWith(`:${wanted}`) || row.user_name.toLowerCase() === wanted)
        .map((row) => row.user_id),
    ),
  ];
  if (matches.length > 1) throw new AmbiguousUserError({ user, matches });
  return matches[0] ?? user;
}
