import { api } from "../api.js";
import type { BusTask } from "../api-types.js";
import { formatTime } from "../format.js";
import { isFinished } from "../states.js";

/** Tasks delegated over the bus, newest first: who asked whom for what, and how it went. */
export function TaskTable({ tasks, onChanged }: { tasks: BusTask[]; onChanged: () => void }) {
  if (tasks.length === 0) return <p class="muted">No tasks have been delegated yet.</p>;
  return (
    <table class="tasks" data-testid="task-table">
      <thead>
        <tr>
          <th>capability</th>
          <th>from → to</th>
          <th>state</th>
          <th>updated</th>
          <th>outcome</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id}>
            <td>
              <code>{task.capability}</code>
            </td>
            <td>
              {task.from} → {task.to ?? "?"}
            </td>
            <td>
              <span class={`badge state-${task.state}`}>{task.state}</span>
            </td>
            <td>{formatTime(task.updatedAt)}</td>
            <td class="outcome">{task.error ?? (task.result === undefined ? "" : String(task.result))}</td>
            <td>
              {!isFinished(task.state) && (
                <button
                  type="button"
                  onClick={() => api.post(`/tasks/${encodeURIComponent(task.id)}/cancel`).finally(onChanged)}
                >
                  Cancel
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
