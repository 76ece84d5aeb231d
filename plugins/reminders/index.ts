import { type ActionContext, definePlugin, type Plugin, z } from "troupe";
import { readTask, readWhen } from "./read-when.js";
import { REMINDER_MIGRATIONS } from "./reminder-migrations.js";
import { ReminderScheduler } from "./reminder-scheduler.js";
import type { Reminder } from "./reminder-store.js";

/** Options of the reminders plugin. */
export interface RemindersPluginOptions {
  /** The clock in ms; default `Date.now`. */
  now?: () => number;
}

function scheduler(ctx: ActionContext): ReminderScheduler {
  const found = ctx.service<ReminderScheduler>("reminders");
  if (!found) throw new Error("the reminders service is not running");
  return found;
}

/**
 * The `reminders` plugin: "remind me in 20 minutes to stretch" stores a
 * reminder in SQLite; the plugin's service delivers it when due, to the same
 * platform and room, even after a restart. A reminder no connector can
 * deliver yet (its user is not connected) stays pending until one can. Reminders can be listed and
 * cancelled.
 */
export function createRemindersPlugin(options: RemindersPluginOptions = {}): Plugin {
  const now = options.now ?? Date.now;
  return definePlugin({
    name: "reminders",
    description: "Reminders delivered later in the same conversation.",
    migrations: REMINDER_MIGRATIONS,
    services: [
      {
        name: "reminders",
        start: (rt) => {
          const started = new ReminderScheduler(rt, now);
          void started.wake();
          return started;
        },
        stop: (started: ReminderScheduler) => started.stop(),
        // A connector started or a user came to collect: reminders that found nobody are offered again.
        redeliver: (started: ReminderScheduler) => started.wake(),
      },
    ],
    actions: [
      {
        name: "set_reminder",
        description: "Sets a reminder to tell the user something later: in some minutes or hours, or at a time.",
        examples: [
          "remind me in 20 minutes to stretch",
          "remind me to water the plants in 2 hours",
          "set a reminder for 5pm to take the bins out",
          "remind me tomorrow at 9 to pay rent",
          "can you remind me in half an hour to check the oven",
          "remind me to stretch",
        ],
        parameters: z.object({
          task: z.string().describe("what to remind the user of, e.g. 'stretch'"),
          when: z.string().optional().describe("when, e.g. 'in 20 minutes', 'at 17:30', 'tomorrow at 9'"),
        }),
        handler: (ctx, args) => {
          const started = now();
          // A model that split the request gives `when`; otherwise read the user's own words.
          const fromArgs = args.when ? readWhen(args.when, started) : undefined;
          const when = fromArgs ?? readWhen(ctx.message.text, started);
          if (!when) return "When should I remind you? Say something like 'in 20 minutes' or 'at 17:30'.";
          const task = fromArgs ? readTask(args.task, undefined) : readTask(ctx.message.text, when);
          if (!task) return "What should I remind you of?";
          const reminders = scheduler(ctx);
          const id = reminders.store.add({
            platform: ctx.message.platform,
            room: ctx.message.room.id,
            roomKind: ctx.message.room.kind,
            userId: ctx.message.user.id,
            userName: ctx.message.user.name,
            text: task,
            dueAt: when.dueAt,
          });
          void reminders.wake();
          return `I'll remind you to ${task} ${describeDue(when.dueAt, started)} (reminder #${id}).`;
        },
      },
      {
        name: "list_reminders",
        description: "Lists the user's upcoming reminders.",
        examples: ["what are my reminders", "list my reminders", "show my reminders", "do I have any reminders"],
        parameters: z.object({}),
        handler: (ctx) => {
          const pending = scheduler(ctx).store.pending(ctx.message.user.id);
          if (pending.length === 0) return "You have no reminders set.";
          return `Your reminders: ${pending.map((reminder) => describe(reminder, now())).join("; ")}.`;
        },
      },
      {
        name: "cancel_reminder",
        description: "Cancels one of the user's reminders, by number or by what it is about.",
        examples: [
          "cancel reminder 3",
          "cancel my reminder",
          "cancel the dentist reminder",
          "delete my reminder about the meeting",
          "remove reminder #2",
          "never mind that reminder, cancel it",
        ],
        parameters: z.object({
          id: z.number().int().optional().describe("the reminder's number"),
          about: z.string().optional().describe("words from the reminder, when there is no number"),
        }),
        handler: (ctx, { id, about }) => {
          const reminders = scheduler(ctx);
          const pending = reminders.store.pending(ctx.message.user.id);
          const matches = id !== undefined ? pending.filter((r) => r.id === id) : matching(pending, about ?? "");
          if (matches.length === 0) {
            return pending.length === 0
              ? "You have no reminders to cancel."
              : `I couldn't tell which one. Your reminders: ${pending.map((r) => describe(r, now())).join("; ")}.`;
          }
          if (matches.length > 1) {
            return `Which one? ${matches.map((r) => describe(r, now())).join("; ")}. Say "cancel reminder <number>".`;
          }
          const [reminder] = matches as [Reminder];
          reminders.store.cancel(reminder.id, ctx.message.user.id);
          void reminders.wake();
          return `Cancelled reminder #${reminder.id}: ${reminder.text}.`;
        },
      },
    ],
  });
}

/** Reminders whose text shares a word (of four letters or more) with `about`; all of them when only one is pending. */
function matching(pending: Reminder[], about: string): Reminder[] {
  const words = about.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [];
  const found = pending.filter((reminder) => words.some((word) => reminder.text.toLowerCase().includes(word)));
  return found.length > 0 || pending.length !== 1 ? found : pending;
}

function describe(reminder: Reminder, now: number): string {
  return `#${reminder.id} ${reminder.text} (${describeDue(reminder.dueAt, now)})`;
}

function describeDue(dueAt: number, now: number): string {
  const seconds = Math.max(0, Math.round((dueAt - now) / 1000));
  const time = new Date(dueAt).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  if (seconds < 90 * 60) return `in ${Math.round(seconds / 60)} minutes, at ${time}`;
  const date = new Date(dueAt).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" });
  return `on ${date} at ${time}`;
}

export default createRemindersPlugin();
