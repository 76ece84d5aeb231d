import { describe, expect, it } from "vitest";
import { extractStatedFacts } from "../../src/memory/index.js";

function factsOf(text: string): Record<string, string> {
  return Object.fromEntries(extractStatedFacts(text).map((fact) => [fact.key, fact.value]));
}

describe("extractFacts", () => {
  it("finds a name however it is introduced", () => {
    expect(factsOf("Hi! My name is Ada Lovelace.")).toMatchObject({ name: "Ada Lovelace" });
    expect(factsOf("call me Bo")).toMatchObject({ name: "Bo" });
    expect(factsOf("I'm Priya, nice to meet you")).toMatchObject({ name: "Priya" });
  });

  it("does not take feelings for names", () => {
    expect(factsOf("I'm tired today")).toEqual({});
    expect(factsOf("I'm Sorry about that")).toEqual({});
  });

  it("reads where the user lives, moved to, works and what they keep", () => {
    expect(factsOf("I live in Oslo and I work as a nurse.")).toEqual({ "lives in": "Oslo", "works as": "a nurse" });
    expect(factsOf("Big news: I just moved to Lima!")).toEqual({ "lives in": "Lima" });
    expect(factsOf("I have a dog called rex")).toEqual({ pet: "a dog called Rex" });
    expect(factsOf("My favourite food is ramen")).toEqual({ "favourite food": "ramen" });
    expect(factsOf("my favorite band is Daft Punk")).toEqual({ "favourite band": "Daft Punk" });
    expect(factsOf("I'm 34 years old")).toEqual({ age: "34" });
  });

  it("collects likes and dislikes", () => {
    expect(extractStatedFacts("I love jazz. I don't like olives. I enjoy long walks")).toEqual([
      { key: "likes", value: "jazz" },
      { key: "dislikes", value: "olives" },
      { key: "likes", value: "long walks" },
    ]);
  });

  it("ignores questions", () => {
    expect(factsOf("Where do I live?")).toEqual({});
    expect(factsOf("do I live in Oslo?")).toEqual({});
    expect(factsOf("What is my name?")).toEqual({});
  });
});

describe("extractFacts on names", () => {
  it("stops the name before the next lowercase word", () => {
    expect(factsOf("My name is Alice and I live in Oslo.")).toEqual({ name: "Alice", "lives in": "Oslo" });
  });
});
