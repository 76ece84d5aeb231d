import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/messages/index.js";
import { renderPrompt, SECTION } from "../../src/model/index.js";
import { composePrompt } from "../../src/runtime/compose-prompt.js";
import { sage } from "../helpers/sage-character.js";

const character = sage({ system: "Answer in two sentences.", style: { all: ["warm"], chat: ["short"], post: [] } });

function compose(user: { id: string; name: string }, text: string) {
  const message: InboundMessage = { platform: "test", room: { id: "r", kind: "direct" }, user, text };
  return composePrompt({ character, message, text, facts: {}, memories: [], knowledge: [], history: [] });
}

describe("the composed system prompt", () => {
  it("is the character's part, written once, followed by what each message brings", () => {
    const first = String(compose({ id: "a", name: "Ada" }, "Hello")[0]?.content);
    const second = String(compose({ id: "b", name: "Bo Lin" }, "Hi")[0]?.content);
    const expected = (name: string) =>
      renderPrompt(character.name, character.system, [
        { title: SECTION.character, lines: [...character.bio, ...character.lore] },
        { title: SECTION.style, lines: ["warm", "short"] },
        { title: SECTION.speaker, lines: [`display name: ${name}`, "platform: test", "room: direct"] },
      ]);
    expect(first).toBe(expected("Ada"));
    expect(second).toBe(expected("Bo Lin"));
  });

  it("names each author as OpenAI accepts, message after message", () => {
    const names = ["Bo Lin", "Bo Lin", "Ada", "___", "Bo Lin"].map(
      (name) => compose({ id: name, name }, "Hello").at(-1)?.name,
    );
    expect(names).toEqual(["Bo_Lin", "Bo_Lin", "Ada", undefined, "Bo_Lin"]);
  });
});
