import type { TraceStep } from "../api-types.js";
import { formatMs } from "../format.js";

/** Time per pipeline step, each as a bar against the slowest. */
export function TraceSteps({ steps, totalMs }: { steps: TraceStep[]; totalMs: number }) {
  const slowest = Math.max(1, ...steps.map((step) => step.durationMs));
  return (
    <section>
      <h3>Steps · {formatMs(totalMs)}</h3>
      <ol class="steps" data-testid="trace-steps">
        {steps.map((step) => (
          <li key={`${step.name}-${step.startedAt}`} title={step.detail}>
            <span class="step-name">{step.name}</span>
            <meter min={0} max={slowest} value={step.durationMs} />
            <span class="step-time">{formatMs(step.durationMs)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
