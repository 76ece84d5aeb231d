import { agentPath, api } from "../api.js";
import type { Trace, WorkingMemory } from "../api-types.js";
import { usePoll } from "../use-poll.js";
import { ErrorLine } from "./error-line.js";
import { FactList } from "./fact-list.js";
import { PromptTokens } from "./prompt-tokens.js";
import { RecalledMemories } from "./recalled-memories.js";
import { TraceActions } from "./trace-actions.js";
import { TraceSteps } from "./trace-steps.js";

/** Why the agent said what it said: the trace of its last reply, and what it now holds about the user. */
export function TracePanel({ agent, user, traceId }: { agent: string; user: string; traceId: string | undefined }) {
  const trace = usePoll(
    () => (traceId ? api.get<Trace>(`/traces/${encodeURIComponent(traceId)}`) : Promise.resolve(undefined)),
    0,
    [traceId],
  );
  const memory = usePoll(() => api.get<WorkingMemory>(agentPath(agent, "users", user, "working-memory")), 0, [
    agent,
    user,
    traceId,
  ]);
  return (
    <aside class="trace-panel" aria-label="Trace of the last reply">
      <h2>Last reply</h2>
      <ErrorLine error={trace.error ?? memory.error} />
      {!traceId && <p class="muted">Send a message to see how the reply was made.</p>}
      {trace.value && (
        <>
          <p class="trace-of" data-testid="trace-of">
            to “{trace.value.text}” · {trace.value.id}
          </p>
          {trace.value.error && <p class="error">{trace.value.error}</p>}
          <TraceSteps steps={trace.value.steps} totalMs={trace.value.durationMs} />
          <RecalledMemories recalled={trace.value.recalled} />
          {trace.value.prompt && <PromptTokens prompt={trace.value.prompt} />}
          <TraceActions tools={trace.value.tools} delegations={trace.value.delegations} />
        </>
      )}
      <FactList memory={memory.value} />
    </aside>
  );
}
