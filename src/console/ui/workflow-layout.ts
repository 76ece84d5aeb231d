/** A step of a workflow definition: what it asks for and the steps it waits on. */
export interface GraphStep {
  id: string;
  capability: string;
  needs: string[];
}

export interface PlacedStep extends GraphStep {
  x: number;
  y: number;
  /** Its column: the longest chain of needs before it. */
  layer: number;
}

export interface WorkflowLayout {
  steps: PlacedStep[];
  /** One SVG path per need, from the needed step's right edge to the waiting step's left edge. */
  edges: { from: string; to: string; path: string }[];
  width: number;
  height: number;
}

/** The size of a step's box and the gaps between boxes, in SVG units. */
export const BOX = { width: 160, height: 44, gapX: 48, gapY: 14 };

/**
 * Lays a workflow's steps out left to right: each step in the column after the last step it needs, steps of
 * a column top to bottom in the order the definition lists them. Needs naming no step are drawn as nothing,
 * and a cycle (which the server refuses) cannot loop: a step met again while placing it counts as column 0.
 */
export function layoutWorkflow(steps: readonly GraphStep[]): WorkflowLayout {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const layers = new Map<string, number>();
  const placing = new Set<string>();
  const layerOf = (id: string): number => {
    const known = layers.get(id);
    if (known !== undefined) return known;
    const step = byId.get(id);
    if (!step || placing.has(id)) return -1;
    placing.add(id);
    const layer = 1 + Math.max(-1, ...step.needs.map(layerOf));
    placing.delete(id);
    layers.set(id, layer);
    return layer;
  };
  const rows: number[] = [];
  const placed = steps.map((step) => {
    const layer = layerOf(step.id);
    const row = rows[layer] ?? 0;
    rows[layer] = row + 1;
    return { ...step, layer, x: layer * (BOX.width + BOX.gapX), y: row * (BOX.height + BOX.gapY) };
  });
  const at = new Map(placed.map((step) => [step.id, step]));
  const edges = placed.flatMap((step) =>
    step.needs.flatMap((need) => {
      const from = at.get(need);
      if (!from) return [];
      const [x1, y1] = [from.x + BOX.width, from.y + BOX.height / 2];
      const [x2, y2] = [step.x, step.y + BOX.height / 2];
      const bend = (x2 - x1) / 2;
      return [{ from: need, to: step.id, path: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` }];
    }),
  );
  const columns = Math.max(0, ...placed.map((step) => step.layer + 1));
  const tallest = Math.max(0, ...rows);
  return {
    steps: placed,
    edges,
    width: Math.max(0, columns * (BOX.width + BOX.gapX) - BOX.gapX),
    height: Math.max(0, tallest * (BOX.height + BOX.gapY) - BOX.gapY),
  };
}
