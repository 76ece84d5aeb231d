import type { StepContext } from "./plugin-step.js";

/** What a view reads its reply from: a turn, or another view of one. */
interface ReplySource {
  readonly reply?: StepContext["reply"];
}

/** Where a view keeps its source (not enumerable: a spread of the view leaves it out). */
const SOURCE = Symbol("reply source");

function currentReply(this: { [SOURCE]: ReplySource }): StepContext["reply"] {
  return this[SOURCE].reply;
}

/**
 * Gives `view` an enumerable `reply` that reads `source.reply` at each access,
 * through one getter shared by every view. A getter written in an object
 * literal is a new function per object: V8 gives each such object a hidden
 * class of its own in the old generation, whose getter keeps `source` (a whole
 * turn) alive through young collections.
 */
export function withLiveReply<T extends object>(view: T, source: ReplySource): T & Pick<StepContext, "reply"> {
  Object.defineProperty(view, SOURCE, { value: source });
  Object.defineProperty(view, "reply", { get: currentReply, enumerable: true, configurable: true });
  return view as T & Pick<StepContext, "reply">;
}
