import { api } from "../api.js";
import type { BusTask, WorkflowDefinition, WorkflowRun } from "../api-types.js";
import { ErrorLine } from "../components/error-line.js";
import { TaskTable } from "../components/task-table.js";
import { WorkflowCard } from "../components/workflow-card.js";
import { usePoll } from "../use-poll.js";

/** How often the bus view asks again, in ms: often enough to watch a workflow move. */
const POLL_MS = 2000;

/** A live view of the bus: delegated tasks, and each workflow as a graph coloured by its latest run. */
export function TasksPage() {
  const tasks = usePoll(() => api.get<{ tasks: BusTask[] }>("/tasks?limit=50"), POLL_MS, []);
  const workflows = usePoll(
    () => api.get<{ definitions: WorkflowDefinition[]; runs: WorkflowRun[] }>("/workflows"),
    POLL_MS,
    [],
  );
  return (
    <div class="tasks-page">
      <section class="card">
        <h2>Tasks</h2>
        <ErrorLine error={tasks.error} onRetry={tasks.refresh} />
        {tasks.value && <TaskTable tasks={tasks.value.tasks} onChanged={tasks.refresh} />}
      </section>
      <h2>Workflows</h2>
      <ErrorLine error={workflows.error} onRetry={workflows.refresh} />
      {workflows.value?.definitions.length === 0 && <p class="muted">No workflows are defined.</p>}
      {workflows.value?.definitions.map((definition) => (
        <WorkflowCard
          key={definition.name}
          definition={definition}
          runs={workflows.value?.runs.filter((run) => run.workflow === definition.name) ?? []}
          onChanged={workflows.refresh}
        />
      ))}
    </div>
  );
}
