import { z } from "zod";

/** The soak's command line: `npm run soak -- --minutes 10 --rate 50 --users 1000 --chaos`. */
const optionsSchema = z.object({
  minutes: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  /** Messages per second over all platforms. */
  rate: z.coerce.number().positive().max(1000).default(50),
  users: z.coerce.number().int().positive().max(100_000).default(1000),
  /** Inject faults at random: Redis restarts, Telegram and Discord 429s and dropped connections, model 500s, SIGKILL. */
  chaos: z.boolean().default(false),
});

export type SoakOptions = z.infer<typeof optionsSchema>;

/** Reads `--name value` pairs and `--chaos`; an unknown or bad flag is one line naming it. */
export function readSoakOptions(argv: string[]): SoakOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]?.replace(/^--/, "") ?? "";
    if (name === "chaos") raw.chaos = true;
    else raw[name] = argv[++i];
  }
  const result = optionsSchema.strict().safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`--${issue?.path.join(".") || (issue as { keys?: string[] })?.keys?.[0]}: ${issue?.message}`);
}
