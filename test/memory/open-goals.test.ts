import { describe, expect, it } from "vitest";
import { updateGoals } from "../../src/memory/index.js";

describe("updateGoals", () => {
  it("opens goals the user states and closes the one they finished", () => {
    let goals = updateGoals([], "I need to renew my passport. Also remind me to call the dentist.");
    expect(goals).toEqual(["renew my passport", "call the dentist"]);
    goals = updateGoals(goals, "Good news: I finished the passport renewal paperwork!");
    expect(goals).toEqual(["call the dentist"]);
  });

  it("returns the same list when nothing changed, and questions open nothing", () => {
    const goals = ["call the dentist"];
    expect(updateGoals(goals, "Do I need to bring anything?")).toBe(goals);
    expect(updateGoals(goals, "nice weather today")).toBe(goals);
  });
});
