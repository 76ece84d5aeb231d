import type { Trace } from "../api-types.js";

/** How the prompt's token budget was spent, section by section. */
export function PromptTokens({ prompt }: { prompt: NonNullable<Trace["prompt"]> }) {
  return (
    <section>
      <h3>Prompt · {prompt.totalTokens} tokens</h3>
      <p class="tokens">
        {prompt.sections.map((section) => (
          <span key={section.name}>
            {section.name} <b>{section.tokens}</b>
          </span>
        ))}
      </p>
    </section>
  );
}
