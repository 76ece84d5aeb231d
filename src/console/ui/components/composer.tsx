import { useState } from "preact/hooks";

/** The message field: Enter or the button sends; it is kept while a reply is still coming. */
export function Composer({ busy, onSend }: { busy: boolean; onSend: (text: string) => void }) {
  const [text, setText] = useState("");
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim() || busy) return;
        onSend(text);
        setText("");
      }}
    >
      <input
        aria-label="Message"
        placeholder="Message"
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <button type="submit" disabled={busy || !text.trim()}>
        Send
      </button>
    </form>
  );
}
