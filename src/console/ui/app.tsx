import { api } from "./api.js";
import type { AgentSummary } from "./api-types.js";
import { AgentControls } from "./components/agent-controls.js";
import { AgentPicker } from "./components/agent-picker.js";
import { ErrorLine } from "./components/error-line.js";
import { ChatPage } from "./pages/chat-page.js";
import { MemoryPage } from "./pages/memory-page.js";
import { TasksPage } from "./pages/tasks-page.js";
import { useConversation } from "./use-conversation.js";
import { usePoll } from "./use-poll.js";
import { PAGES, useRoute } from "./use-route.js";
import { useStoredState } from "./use-stored-state.js";

/** The console: the character and user chosen at the top, and the page the hash names below. */
export function App() {
  const agents = usePoll(() => api.get<{ agents: AgentSummary[] }>("/agents"), 5000, []);
  const [chosen, setChosen] = useStoredState("troupe.agent", "");
  const [user, setUser] = useStoredState("troupe.user", "console");
  const page = useRoute();
  const list = agents.value?.agents ?? [];
  const agent = list.find((candidate) => candidate.name === chosen) ?? list[0];
  const conversation = useConversation(agent?.name ?? "", user);
  return (
    <>
      <header>
        <strong class="brand">Troupe</strong>
        {agent && <AgentPicker agents={list} value={agent.name} onChange={setChosen} />}
        {agent && <AgentControls agent={agent} onChanged={agents.refresh} />}
        <label class="field">
          You are
          <input value={user} onChange={(event) => setUser(event.currentTarget.value.trim() || "console")} />
        </label>
        <nav>
          {PAGES.map((name) => (
            <a key={name} href={`#/${name}`} aria-current={name === page ? "page" : undefined}>
              {name}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <ErrorLine error={agents.error} onRetry={agents.refresh} />
        {agents.value && !agent && <p class="muted">No agents are running.</p>}
        {agent && page === "chat" && <ChatPage agent={agent.name} user={user} conversation={conversation} />}
        {agent && page === "memory" && <MemoryPage agent={agent.name} user={user} />}
        {page === "tasks" && <TasksPage />}
      </main>
    </>
  );
}
