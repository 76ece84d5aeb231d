import { type ActionContext, definePlugin, type Plugin, type ProviderContext, z } from "troupe";
import { addPeriod, readPeriod } from "./date-arithmetic.js";
import { formatDate, formatDateTime, isTimeZone, zoneForPlace } from "./zones.js";

/** Options of the time plugin. */
export interface TimePluginOptions {
  /** The clock; default the system clock. Tests pass a fixed one. */
  now?: () => Date;
}

/** Read on first use: the first Intl.DateTimeFormat costs ~20 ms, which start-up need not pay. */
let serverZone: string | undefined;

/**
 * The time zone to speak in: the one of the place the user said they live
 * in, else the character's `settings.timezone`, else the server's.
 */
function zoneFor(ctx: ProviderContext | ActionContext): string {
  const fromUser = zoneForPlace(ctx.memory.facts()["lives in"]);
  if (fromUser) return fromUser;
  const configured = ctx.agent.character.settings.timezone;
  if (typeof configured === "string" && isTimeZone(configured)) return configured;
  serverZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return serverZone;
}

/**
 * The `time` plugin: puts the current date and time (in the user's or the
 * character's time zone) in the prompt, tells the time in a place, and works
 * out dates ("what day is it in 10 days").
 */
export function createTimePlugin(options: TimePluginOptions = {}): Plugin {
  const now = options.now ?? (() => new Date());
  return definePlugin({
    name: "time",
    description: "Current date and time, time zones and date arithmetic.",
    providers: [{ name: "current-time", get: (ctx) => `current date and time: ${describeNow(now(), zoneFor(ctx))}` }],
    actions: [
      {
        name: "current_time",
        description: "Tells the current time and date, here or in a city or time zone.",
        examples: [
          "what time is it",
          "what's the time",
          "what is today's date",
          "what time is it in Tokyo",
          "tell me the time in New York",
          "what's the date today",
        ],
        parameters: z.object({
          place: z.string().optional().describe("a city or IANA time zone, e.g. Tokyo or Europe/Oslo"),
        }),
        handler: (ctx, { place }) => {
          const asked = place?.trim();
          const zone = zoneForPlace(asked);
          if (zone) return `In ${asked} it is ${formatDateTime(now(), zone)}.`;
          const local = `It is ${describeNow(now(), zoneFor(ctx))}.`;
          // Only a capitalised name is a place we failed to find; anything else is the model echoing the question.
          return asked && /^[A-Z][\p{L}' -]{1,40}$/u.test(asked)
            ? `I don't know the time zone of ${asked}. ${local}`
            : local;
        },
      },
      {
        name: "date_after",
        description: "Works out the date some days, weeks, months or years from today, or ago.",
        examples: [
          "what day is it in 10 days",
          "what's the date in 3 weeks",
          "what date was it 100 days ago",
          "which day of the week is it in 2 months",
          "what's the date tomorrow",
        ],
        parameters: z.object({
          period: z.string().describe("the period, e.g. 'in 10 days', '3 weeks ago', 'in 2 months'"),
        }),
        handler: (ctx, { period }) => {
          const found = readPeriod(period) ?? readPeriod(ctx.message.text);
          if (!found) return "I couldn't tell which period you mean. Try 'in 10 days' or '3 weeks ago'.";
          const date = formatDate(addPeriod(now(), found), zoneFor(ctx));
          const verb = found.amount < 0 ? "was" : "will be";
          return `${found.phrase.charAt(0).toUpperCase()}${found.phrase.slice(1)} it ${verb} ${date}.`;
        },
      },
    ],
  });
}

function describeNow(date: Date, zone: string): string {
  return `${formatDateTime(date, zone)} (${zone})`;
}

export default createTimePlugin();
