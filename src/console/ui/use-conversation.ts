import { useState } from "preact/hooks";
import { sendMessage } from "./send-message.js";

export interface ChatLine {
  from: "user" | "agent";
  text: string;
  /** The trace of an agent's reply, once it is done. */
  traceId?: string;
  /** The reply is still streaming in. */
  streaming?: boolean;
  error?: string;
}

/**
 * The console's conversations, one per agent and user, kept while the page is open (the agents keep their
 * own record in memory). `send` shows the user's line at once and the reply as it streams in.
 */
export function useConversation(agent: string, user: string) {
  const [lines, setLines] = useState<Record<string, ChatLine[]>>({});
  const key = `${agent}\n${user}`;
  const update = (change: (current: ChatLine[]) => ChatLine[]) =>
    setLines((all) => ({ ...all, [key]: change(all[key] ?? []) }));
  const replaceLast = (change: (line: ChatLine) => ChatLine) =>
    update((current) => [...current.slice(0, -1), change(current[current.length - 1] as ChatLine)]);

  const send = async (text: string) => {
    update((current) => [...current, { from: "user", text }, { from: "agent", text: "", streaming: true }]);
    try {
      const done = await sendMessage(agent, user, text, (piece) =>
        replaceLast((line) => ({ ...line, text: line.text + piece })),
      );
      // The done event's reply is the whole, final text; the streamed pieces only showed it arriving.
      replaceLast(() => ({ from: "agent", text: done.reply ?? "(no reply)", traceId: done.traceId }));
    } catch (failure) {
      replaceLast((line) => ({ ...line, streaming: false, error: (failure as Error).message }));
    }
  };

  const current = lines[key] ?? [];
  const lastTrace = [...current].reverse().find((line) => line.traceId)?.traceId;
  return { lines: current, lastTrace, send, busy: current.some((line) => line.streaming) };
}
