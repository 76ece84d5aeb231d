import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createTimePlugin } from "./index.js";

// Tuesday 3 June 2025, 12:00 UTC.
const plugin = createTimePlugin({ now: () => new Date(Date.UTC(2025, 5, 3, 12, 0)) });

describe("time plugin", () => {
  let agent: TestAgent;
  afterEach(() => agent?.stop());

  it("tells the time in the character's time zone from a chat message", async () => {
    agent = await createTestAgent({ plugins: [plugin], character: { settings: { timezone: "Asia/Tokyo" } } });
    const reply = await agent.send("what time is it?");
    expect(reply.actions.map((run) => run.name)).toEqual(["current_time"]);
    // The reply shows what the model passed: no place was named, so none was passed.
    expect(reply.actions[0]?.args).toEqual({});
    expect(reply.text).toContain("Tuesday, 3 June 2025 at 21:00 (Asia/Tokyo)");
  });

  it("uses the user's city once they said where they live, and tells the time in a named city", async () => {
    agent = await createTestAgent({ plugins: [plugin] });
    await agent.send("I live in Oslo.");
    expect((await agent.send("what's the time?")).text).toContain("14:00 (Europe/Oslo)");
    expect((await agent.send("what time is it in New York?")).text).toContain(
      "In New York it is Tuesday, 3 June 2025 at 08:00",
    );
    expect((await agent.send("what time is it in Atlantis?")).text).toContain("I don't know the time zone of Atlantis");
  });

  it("works out dates ahead and in the past", async () => {
    agent = await createTestAgent({ plugins: [plugin], character: { settings: { timezone: "UTC" } } });
    const ahead = await agent.send("what day is it in 10 days?");
    expect(ahead.actions.map((run) => run.name)).toEqual(["date_after"]);
    expect(ahead.text).toContain("In 10 days it will be Friday, 13 June 2025");
    expect((await agent.send("what date was it 3 weeks ago?")).text).toContain("it was Tuesday, 13 May 2025");
    expect((await agent.send("what's the date in 2 months?")).text).toContain("Sunday, 3 August 2025");
  });

  it("leaves small talk alone", async () => {
    agent = await createTestAgent({ plugins: [plugin], character: { settings: { timezone: "UTC" } } });
    const reply = await agent.send("hello there");
    expect(reply.actions).toEqual([]);
  });
});
