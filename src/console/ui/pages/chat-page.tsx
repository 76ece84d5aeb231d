import { ChatLog } from "../components/chat-log.js";
import { Composer } from "../components/composer.js";
import { TracePanel } from "../components/trace-panel.js";
import type { useConversation } from "../use-conversation.js";

/** Talk to the agent, with the trace of its last reply beside the conversation. */
export function ChatPage(props: { agent: string; user: string; conversation: ReturnType<typeof useConversation> }) {
  const { lines, busy, send, lastTrace } = props.conversation;
  return (
    <div class="chat-page">
      <div class="chat">
        <ChatLog lines={lines} agent={props.agent} />
        <Composer busy={busy} onSend={send} />
      </div>
      <TracePanel agent={props.agent} user={props.user} traceId={lastTrace} />
    </div>
  );
}
