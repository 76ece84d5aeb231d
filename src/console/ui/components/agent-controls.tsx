import { useState } from "preact/hooks";
import { agentPath, api } from "../api.js";
import type { AgentSummary } from "../api-types.js";
import { ErrorLine } from "./error-line.js";

/** The agent's state and the buttons that pause, resume or reload it (reload re-reads its character file). */
export function AgentControls({ agent, onChanged }: { agent: AgentSummary; onChanged: () => void }) {
  const [error, setError] = useState<Error | undefined>();
  const [note, setNote] = useState("");
  const act = async (action: "pause" | "resume" | "reload") => {
    setError(undefined);
    setNote("");
    try {
      await api.post(agentPath(agent.name, action));
      if (action === "reload") setNote("Reloaded from its character file.");
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const paused = agent.state === "paused";
  return (
    <div class="agent-controls">
      <span class={`badge ${agent.state}`} data-testid="agent-state">
        {agent.state}
      </span>
      <button type="button" onClick={() => act(paused ? "resume" : "pause")}>
        {paused ? "Resume" : "Pause"}
      </button>
      <button type="button" onClick={() => act("reload")}>
        Reload
      </button>
      {note && <span class="note">{note}</span>}
      <ErrorLine error={error} />
    </div>
  );
}
