import { useEffect, useRef } from "preact/hooks";
import type { ChatLine } from "../use-conversation.js";

/** The conversation, newest at the bottom, kept scrolled to the end as replies stream in. */
export function ChatLog({ lines, agent }: { lines: ChatLine[]; agent: string }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: "end" }), [lines]);
  return (
    <div class="chat-log" aria-live="polite">
      {lines.length === 0 && <p class="muted">Say something to {agent}.</p>}
      {lines.map((line, index) => (
        // Lines are only ever appended, so their index is their identity.
        <div
          key={index}
          class={`line ${line.from}${line.streaming ? " streaming" : ""}`}
          data-testid={`line-${line.from}`}
        >
          <span class="who">{line.from === "user" ? "you" : agent}</span>
          <span class="text">{line.text}</span>
          {line.error && <span class="error-text">{line.error}</span>}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}
