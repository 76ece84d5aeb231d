import type { AgentSummary } from "../api-types.js";

/** Chooses the character the console talks to and inspects. */
export function AgentPicker(props: { agents: AgentSummary[]; value: string; onChange: (name: string) => void }) {
  return (
    <label class="field">
      Character
      <select value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        {props.agents.map((agent) => (
          <option key={agent.name} value={agent.name}>
            {agent.name}
            {agent.state === "paused" ? " (paused)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
