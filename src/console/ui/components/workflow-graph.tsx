import type { WorkflowDefinition } from "../api-types.js";
import { BOX, layoutWorkflow } from "../workflow-layout.js";

/**
 * A workflow drawn as its graph: one box per step (its id and capability), an arrow per need; with
 * `states` (a run's), each box is coloured by its step's state.
 */
export function WorkflowGraph({
  definition,
  states,
}: {
  definition: WorkflowDefinition;
  states?: Map<string, string>;
}) {
  const layout = layoutWorkflow(definition.steps);
  const pad = 8;
  return (
    <svg
      class="workflow-graph"
      role="img"
      aria-label={`Workflow ${definition.name}`}
      viewBox={`${-pad} ${-pad} ${layout.width + 2 * pad} ${layout.height + 2 * pad}`}
      width={layout.width + 2 * pad}
      height={layout.height + 2 * pad}
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
        </marker>
      </defs>
      {layout.edges.map((edge) => (
        <path key={`${edge.from}>${edge.to}`} d={edge.path} class="edge" marker-end="url(#arrow)" />
      ))}
      {layout.steps.map((step) => {
        const state = states?.get(step.id) ?? "none";
        return (
          <g
            key={step.id}
            transform={`translate(${step.x},${step.y})`}
            class={`step state-${state}`}
            data-state={state}
          >
            <title>{`${step.id}: ${step.capability}${states ? ` (${state})` : ""}`}</title>
            <rect width={BOX.width} height={BOX.height} rx={6} />
            <text x={10} y={18} class="step-id">
              {step.id}
            </text>
            <text x={10} y={34} class="step-capability">
              {step.capability}
              {states ? ` · ${state}` : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
