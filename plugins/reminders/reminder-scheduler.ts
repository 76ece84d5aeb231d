import type { PluginRuntime } from "troupe";
import { type Reminder, ReminderStore } from "./reminder-store.js";

/** The longest single wait; longer delays are re-checked (timers overflow after about 24 days). */
const MAX_WAIT_MS = 60 * 60_000;

/**
 * Delivers one agent's reminders when they fall due, through the agent's
 * outbound channel to the platform and room they were asked in. At start it
 * delivers what fell due while the process was down.
 */
export class ReminderScheduler {
  readonly store: ReminderStore;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly rt: PluginRuntime,
    private readonly now: () => number,
  ) {
    this.store = new ReminderStore(rt.db, rt.agent.name);
  }

  /** Delivers what is due and waits for the next one. Call after adding or cancelling a reminder. */
  wake(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    for (const reminder of this.store.due(this.now())) this.deliver(reminder);
    const next = this.store.nextDueAt();
    if (next === undefined) return;
    const wait = Math.min(Math.max(next - this.now(), 0), MAX_WAIT_MS);
    this.timer = setTimeout(() => this.wake(), wait);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private deliver(reminder: Reminder): void {
    if (!this.store.markDelivered(reminder.id)) return;
    const late = this.now() - reminder.dueAt > 60_000 ? " (a little late: I was offline when it was due)" : "";
    this.rt.send({
      platform: reminder.platform,
      room: { id: reminder.room, kind: reminder.roomKind },
      userId: reminder.userId,
      text: `⏰ ${reminder.userName}, here's your reminder: ${reminder.text}${late}`,
      source: "reminders",
    });
    this.rt.logger.info({ reminder: reminder.id, room: reminder.room }, "reminder delivered");
  }
}
