import { useState } from "preact/hooks";
import { agentPath, api } from "../api.js";
import type { LongTermMemory } from "../api-types.js";
import { formatTime } from "../format.js";
import { usePoll } from "../use-poll.js";
import { ErrorLine } from "./error-line.js";

/** Long-term memories about the user: newest first, or searched by meaning; each can be deleted. */
export function MemorySearch({ agent, user }: { agent: string; user: string }) {
  const [query, setQuery] = useState("");
  const [asked, setAsked] = useState("");
  const [error, setError] = useState<Error | undefined>();
  const search = new URLSearchParams({ user, limit: "50", ...(asked ? { query: asked } : {}) });
  const memories = usePoll(
    () => api.get<{ memories: LongTermMemory[] }>(`${agentPath(agent, "memories")}?${search}`),
    0,
    [agent, user, asked],
  );
  const remove = async (id: number | string) => {
    setError(undefined);
    try {
      await api.delete(agentPath(agent, "memories", String(id)));
      memories.refresh();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <section class="card" data-testid="memory-search">
      <h2>Long-term memories</h2>
      <form
        class="search"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(query.trim());
        }}
      >
        <input
          type="search"
          aria-label="Search memories"
          placeholder="Search what it remembers"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <button type="submit">Search</button>
      </form>
      <ErrorLine error={error ?? memories.error} onRetry={memories.refresh} />
      {memories.value?.memories.length === 0 && <p class="muted">No memories{asked ? " match" : ""}.</p>}
      <ul class="memories">
        {memories.value?.memories.map((memory) => (
          <li key={memory.id}>
            <span class="text">{memory.text}</span>
            <span class="muted">
              {memory.score !== undefined && `score ${memory.score.toFixed(2)} · `}
              {formatTime(memory.createdAt)}
            </span>
            <button type="button" class="danger" onClick={() => remove(memory.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
