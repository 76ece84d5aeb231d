import { describe, expect, it } from "vitest";
import { extractStatedFacts } from "../../src/memory/index.js";

describe("extractStatedFacts", () => {
  it("reads the phrasings users state facts with", () => {
    const cases: [string, Record<string, string>][] = [
      ["My name is alice", { name: "Alice" }],
      ["Hi! I'm Bob. How are you?", { name: "Bob" }],
      ["I moved to New York City last year", { "lives in": "New York City" }],
      ["I live in Lima now and love it", { "lives in": "Lima" }],
      ["I work as a nurse at the hospital", { "works as": "a nurse" }],
      ["I'm a software engineer", { "works as": "a software engineer" }],
      ["My favorite color is blue", { "favourite colour": "blue" }],
      ["I have a dog called Rex", { pet: "a dog called Rex" }],
      ["I like jazz and hiking", { likes: "jazz and hiking" }],
      ["I don't like olives", { dislikes: "olives" }],
      ["I'm 34 years old", { age: "34" }],
    ];
    for (const [text, expected] of cases) {
      expect(Object.fromEntries(extractStatedFacts(text).map((fact) => [fact.key, fact.value]))).toEqual(expected);
    }
  });

  it("does not mistake feelings, amounts or wishes for facts", () => {
    for (const text of ["I'm tired", "I'm a bit sad", "I'm 5 minutes away", "I'd like a coffee", "call me later"]) {
      expect(extractStatedFacts(text)).toEqual([]);
    }
  });
});
