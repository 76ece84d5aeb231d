import type { WorkingMemory } from "../api-types.js";

/** What the agent holds about the user right now: facts and open goals. */
export function FactList({ memory }: { memory: WorkingMemory | undefined }) {
  return (
    <section data-testid="working-memory">
      <h3>Working memory</h3>
      {!memory || (memory.facts.length === 0 && !memory.goals?.length) ? (
        <p class="muted">Nothing known about this user yet.</p>
      ) : (
        <dl class="facts">
          {memory.facts.map((fact) => (
            <div key={fact.key}>
              <dt>{fact.key}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
          {memory.goals?.map((goal) => (
            <div key={goal}>
              <dt>goal</dt>
              <dd>{goal}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
