import { useState } from "preact/hooks";
import { agentPath, api } from "../api.js";
import type { Fact, WorkingMemory } from "../api-types.js";
import { usePoll } from "../use-poll.js";
import { ErrorLine } from "./error-line.js";

/**
 * The user's working-memory facts, each editable: correct a value, forget a fact, or add one. Each change is
 * one PATCH of `{ facts: { key: value | null } }` (null forgets).
 */
export function WorkingMemoryEditor({ agent, user }: { agent: string; user: string }) {
  const path = agentPath(agent, "users", user, "working-memory");
  const memory = usePoll(() => api.get<WorkingMemory>(path), 0, [path]);
  const [error, setError] = useState<Error | undefined>();
  const change = async (key: string, value: string | null) => {
    setError(undefined);
    try {
      await api.patch(path, { facts: { [key]: value } });
      memory.refresh();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <section class="card" data-testid="working-memory-editor">
      <h2>
        What {agent} knows about {user}
      </h2>
      <ErrorLine error={error ?? memory.error} onRetry={memory.refresh} />
      {memory.value?.facts.length === 0 && <p class="muted">No facts yet.</p>}
      {memory.value?.facts.map((fact) => (
        <FactRow key={`${fact.key}=${fact.value}`} fact={fact} onChange={change} />
      ))}
      <NewFact onAdd={change} />
    </section>
  );
}

function FactRow({ fact, onChange }: { fact: Fact; onChange: (key: string, value: string | null) => void }) {
  const [value, setValue] = useState(fact.value);
  return (
    <form
      class="fact-row"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(fact.key, value);
      }}
    >
      <span class="fact-key">{fact.key}</span>
      <input aria-label={fact.key} value={value} onInput={(event) => setValue(event.currentTarget.value)} />
      <button type="submit" disabled={value === fact.value || !value.trim()}>
        Save
      </button>
      <button type="button" class="danger" onClick={() => onChange(fact.key, null)}>
        Forget
      </button>
    </form>
  );
}

function NewFact({ onAdd }: { onAdd: (key: string, value: string) => void }) {
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  return (
    <form
      class="fact-row"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(key.trim(), value);
        setKey("");
        setValue("");
      }}
    >
      <input
        aria-label="New fact"
        placeholder="new fact, e.g. city"
        value={key}
        onInput={(e) => setKey(e.currentTarget.value)}
      />
      <input
        aria-label="Its value"
        placeholder="value"
        value={value}
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      <button type="submit" disabled={!key.trim() || !value.trim()}>
        Add
      </button>
    </form>
  );
}
