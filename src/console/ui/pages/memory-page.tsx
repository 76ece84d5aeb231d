import { MemorySearch } from "../components/memory-search.js";
import { WorkingMemoryEditor } from "../components/working-memory-editor.js";

/** What an agent knows about one user, to read, correct and delete. */
export function MemoryPage({ agent, user }: { agent: string; user: string }) {
  return (
    <div class="memory-page">
      <WorkingMemoryEditor agent={agent} user={user} />
      <MemorySearch agent={agent} user={user} />
    </div>
  );
}
