import { definePlugin, z } from "troupe";
import { type FetchLimits, FetchRefusedError, fetchPage } from "./fetch-page.js";
import { htmlToText } from "./html-text.js";
import { summarise } from "./summarise.js";

/** `settings.web` in a character file. */
const webSettingsSchema = z.object({
  /** Hosts the agent may read ("en.wikipedia.org", "*.example.com", "127.0.0.1:8080"). Nothing is allowed by default. */
  allowHosts: z.array(z.string()).default([]),
  /** Largest page read, in bytes. Default 1 MB. */
  maxBytes: z.number().int().positive().default(1_000_000),
  timeoutMs: z.number().int().positive().default(8000),
});

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')\]]+/i;

/**
 * The `web` plugin: fetches a page from an allowed host and summarises it
 * extractively (the sentences that carry the page's main words). Hosts must
 * be listed in the character's `settings.web.allowHosts`.
 */
export default definePlugin({
  name: "web",
  description: "Reads a web page from an allowed site and summarises it.",
  actions: [
    {
      name: "summarize_url",
      description: "Fetches a web page (a URL, a link) and summarises what it says.",
      examples: [
        "summarise https://example.com/article",
        "what does https://example.com/post say",
        "can you read this page https://example.com/news and summarize it",
        "tldr https://example.com/blog",
        "give me the gist of this link https://example.com/page",
      ],
      parameters: z.object({ url: z.string().describe("the page's full URL, starting with http:// or https://") }),
      handler: async (ctx, { url }) => {
        const address = URL_IN_TEXT.exec(url)?.[0] ?? URL_IN_TEXT.exec(ctx.message.text)?.[0];
        if (!address) return "Which page? Send me its full address, starting with https://.";
        const settings = webSettingsSchema.safeParse(ctx.agent.character.settings.web ?? {});
        if (!settings.success) {
          ctx.logger.warn({ problem: z.prettifyError(settings.error) }, "settings.web is invalid");
          return "My web settings are broken, so I can't read pages right now.";
        }
        const limits: FetchLimits = settings.data;
        try {
          const page = await fetchPage(address.replace(/[.,;:!?]+$/, ""), limits);
          const { title, text } = page.type.includes("html") ? htmlToText(page.body) : { title: "", text: page.body };
          const summary = summarise(text, title);
          if (!summary) return `${title || page.url.host} has no text I could summarise.`;
          return `${title ? `${title}: ` : ""}${summary}`;
        } catch (error) {
          if (error instanceof FetchRefusedError) return error.message;
          ctx.logger.warn({ err: error, url: address }, "could not fetch the page");
          return `I couldn't reach ${address}.`;
        }
      },
    },
  ],
});
