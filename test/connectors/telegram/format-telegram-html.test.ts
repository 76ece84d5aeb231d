import { describe, expect, it } from "vitest";
import { formatTelegramHtml } from "../../../src/connectors/telegram/index.js";
import { checkTelegramHtml } from "../../fakes/telegram/check-telegram-html.js";

describe("formatTelegramHtml", () => {
  const cases: [string, string][] = [
    ["plain words", "plain words"],
    ["a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"],
    ['say "hi" <script>alert(1)</script>', "say &quot;hi&quot; &lt;script&gt;alert(1)&lt;/script&gt;"],
    ["**bold** and *italic* and _also italic_", "<b>bold</b> and <i>italic</i> and <i>also italic</i>"],
    ["snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"],
    ["~~gone~~", "<s>gone</s>"],
    ["## Heading\ntext", "<b>Heading</b>\ntext"],
    ["see [the docs](https://example.com/a?b=1&c=2)", 'see <a href="https://example.com/a?b=1&amp;c=2">the docs</a>'],
    ["use `a<b> **not bold**`", "use <code>a&lt;b&gt; **not bold**</code>"],
    [
      "```ts\nif (a < b) { **x** }\n```\nafter",
      '<pre><code class="language-ts">if (a &lt; b) { **x** }</code></pre>\nafter',
    ],
    ["```\nunclosed <code>", "<pre>unclosed &lt;code&gt;</pre>"],
  ];

  it.each(cases)("formats %j", (markdown, html) => {
    expect(formatTelegramHtml(markdown)).toBe(html);
  });

  it("makes HTML the Bot API accepts, whose visible text keeps every character of prose and code", () => {
    for (const [markdown] of cases) {
      const checked = checkTelegramHtml(formatTelegramHtml(markdown));
      expect(checked).not.toHaveProperty("error");
    }
    const code = "x = a < b && c > d";
    expect(checkTelegramHtml(formatTelegramHtml(`\`\`\`py\n${code}\n\`\`\``))).toEqual({ text: code });
  });
});
