import type { Trace } from "../api-types.js";

/** The memories recall put before the model for this reply, best first, with their scores. */
export function RecalledMemories({ recalled }: { recalled: Trace["recalled"] }) {
  return (
    <section data-testid="recalled-memories">
      <h3>Recalled memories</h3>
      {recalled.length === 0 && <p class="muted">Nothing was recalled for this reply.</p>}
      <ul class="recalled">
        {recalled.map((memory) => (
          <li key={memory.id ?? memory.text}>
            <span class="score" title="recall score">
              {memory.score.toFixed(2)}
            </span>
            <span class="kind">{memory.kind}</span>
            <span class="recalled-text" title={memory.text}>
              {memory.text}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
