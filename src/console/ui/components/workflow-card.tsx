import { useState } from "preact/hooks";
import { api } from "../api.js";
import type { WorkflowDefinition, WorkflowRun } from "../api-types.js";
import { formatTime } from "../format.js";
import { isFinished } from "../states.js";
import { WorkflowGraph } from "./workflow-graph.js";

/** One workflow: its graph coloured by the chosen run (the newest by default), and its runs to choose from. */
export function WorkflowCard(props: { definition: WorkflowDefinition; runs: WorkflowRun[]; onChanged: () => void }) {
  const [chosen, setChosen] = useState<string | undefined>();
  const run = props.runs.find((candidate) => candidate.id === chosen) ?? props.runs[0];
  const states = run ? new Map(run.steps.map((step) => [step.id, step.state])) : undefined;
  return (
    <section class="card" data-testid={`workflow-${props.definition.name}`}>
      <h3>{props.definition.name}</h3>
      <WorkflowGraph definition={props.definition} states={states} />
      {props.runs.length === 0 ? (
        <p class="muted">Not run yet.</p>
      ) : (
        <ul class="runs">
          {props.runs.map((candidate) => (
            <li key={candidate.id} class={candidate === run ? "chosen" : ""}>
              <button type="button" class="link" onClick={() => setChosen(candidate.id)}>
                {formatTime(candidate.createdAt)}
              </button>
              <span class={`badge state-${candidate.state}`}>{candidate.state}</span>
              {!isFinished(candidate.state) && (
                <button
                  type="button"
                  onClick={() =>
                    api.post(`/workflows/runs/${encodeURIComponent(candidate.id)}/cancel`).finally(props.onChanged)
                  }
                >
                  Cancel
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
