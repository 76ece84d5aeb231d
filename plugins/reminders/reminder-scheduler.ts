import type { PluginRuntime } from "troupe";
import { type Reminder, ReminderStore } from "./reminder-store.js";

/** The longest single wait; longer delays are re-checked (timers overflow after about 24 days). */
const MAX_WAIT_MS = 60 * 60_000;
/** How soon a due reminder that no connector could deliver is offered again (a connector starting offers it at once). */
const RETRY_MS = 60_000;

/**
 * Delivers one agent's reminders when they fall due, through the agent's
 * outbound channel to the platform and room they were asked in. A reminder
 * is marked delivered only when a connector says it sent it; otherwise it
 * stays pending and is offered again a minute later, and whenever a
 * connector starts (`wake` from the service's `redeliver`). At start it
 * offers what fell due while the process was down.
 */
export class ReminderScheduler {
  readonly store: ReminderStore;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Rounds run one after another: two at once would offer a reminder twice. */
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly rt: PluginRuntime,
    private readonly now: () => number,
  ) {
    this.store = new ReminderStore(rt.db, rt.agent.name);
  }

  /**
   * Offers what is due and waits for the next one. Call after adding or
   * cancelling a reminder; resolves once the due reminders were offered.
   */
  wake(): Promise<void> {
    this.round = this.round
      .then(() => this.deliverDue())
      .catch((error: unknown) => this.rt.logger.error({ err: error }, "could not deliver due reminders"));
    return this.round;
  }

  /** Stops the timer; resolves once a round in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private async deliverDue(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const now = this.now();
    let waiting = false;
    for (const reminder of this.store.due(now)) {
      if (this.stopped) return;
      if (!(await this.deliver(reminder, now))) waiting = true;
    }
    if (this.stopped) return;
    const next = this.store.nextDueAfter(now);
    const waits = [...(next === undefined ? [] : [next - now]), ...(waiting ? [RETRY_MS] : [])];
    if (waits.length === 0) return;
    this.timer = setTimeout(() => void this.wake(), Math.min(Math.max(Math.min(...waits), 0), MAX_WAIT_MS));
  }

  /** Offers one reminder; true when a connector sent it (it is then marked delivered). */
  private async deliver(reminder: Reminder, now: number): Promise<boolean> {
    const late = now - reminder.dueAt > 60_000 ? " (a little late: I could not reach you when it was due)" : "";
    const sent = await this.rt.send({
      platform: reminder.platform,
      room: { id: reminder.room, kind: reminder.roomKind },
      userId: reminder.userId,
      text: `⏰ ${reminder.userName}, here's your reminder: ${reminder.text}${late}`,
      source: "reminders",
    });
    const where = { reminder: reminder.id, platform: reminder.platform, room: reminder.room };
    if (!sent) {
      this.rt.logger.debug(where, "reminder waits: no connector reached its room");
      return false;
    }
    this.store.markDelivered(reminder.id);
    this.rt.logger.info(where, "reminder delivered");
    return true;
  }
}
