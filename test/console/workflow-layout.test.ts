import { describe, expect, it } from "vitest";
import { BOX, layoutWorkflow } from "../../src/console/ui/workflow-layout.js";

const column = (n: number) => n * (BOX.width + BOX.gapX);
const row = (n: number) => n * (BOX.height + BOX.gapY);

describe("the workflow graph's layout", () => {
  it("puts each step one column after the last step it needs, in the definition's order within a column", () => {
    // research and outline start; write needs both; review needs write and research.
    const layout = layoutWorkflow([
      { id: "review", capability: "edit", needs: ["write", "research"] },
      { id: "research", capability: "research", needs: [] },
      { id: "write", capability: "write", needs: ["research", "outline"] },
      { id: "outline", capability: "plan", needs: [] },
    ]);
    const at = Object.fromEntries(layout.steps.map((step) => [step.id, [step.x, step.y]]));
    expect(at).toEqual({
      research: [column(0), row(0)],
      outline: [column(0), row(1)],
      write: [column(1), row(0)],
      review: [column(2), row(0)],
    });
    expect(layout.edges.map((edge) => `${edge.from}>${edge.to}`).sort()).toEqual([
      "outline>write",
      "research>review",
      "research>write",
      "write>review",
    ]);
    expect(layout.width).toBe(3 * BOX.width + 2 * BOX.gapX);
    expect(layout.height).toBe(2 * BOX.height + BOX.gapY);
  });

  it("draws an edge from the needed step's right edge to the waiting step's left edge", () => {
    const layout = layoutWorkflow([
      { id: "a", capability: "x", needs: [] },
      { id: "b", capability: "y", needs: ["a"] },
    ]);
    const middle = BOX.height / 2;
    expect(layout.edges[0]?.path).toMatch(new RegExp(`^M${BOX.width},${middle} C.* ${column(1)},${middle}$`));
  });

  it("survives a need that names no step and a cycle the server should have refused", () => {
    const layout = layoutWorkflow([
      { id: "a", capability: "x", needs: ["ghost", "b"] },
      { id: "b", capability: "y", needs: ["a"] },
    ]);
    expect(layout.steps).toHaveLength(2);
    expect(layout.edges.every((edge) => edge.from !== "ghost")).toBe(true);
    expect(layoutWorkflow([])).toMatchObject({ steps: [], edges: [], width: 0, height: 0 });
  });
});
