import type { Trace } from "../api-types.js";
import { formatMs } from "../format.js";

/** The actions (tools) the reply ran and the agents it delegated to, with their time and outcome. */
export function TraceActions({ tools, delegations }: Pick<Trace, "tools" | "delegations">) {
  return (
    <section>
      <h3>Actions</h3>
      {tools.length === 0 && delegations.length === 0 && <p class="muted">No actions ran.</p>}
      <ul class="actions">
        {tools.map((tool, index) => (
          // The same action may run twice in a reply: its place is its identity.
          <li key={index}>
            <code>{tool.name}</code> {JSON.stringify(tool.args)} · {formatMs(tool.durationMs)}
            {tool.error ? <span class="error-text"> {tool.error}</span> : null}
          </li>
        ))}
        {delegations.map((delegation) => (
          <li key={delegation.taskId}>
            delegated <code>{delegation.capability}</code> to {delegation.helper} · {formatMs(delegation.durationMs)}
          </li>
        ))}
      </ul>
    </section>
  );
}
