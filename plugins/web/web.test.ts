import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import web from "./index.js";

const ARTICLE = `<!doctype html><html><head><title>The Lighthouse Keepers</title><style>body{}</style></head><body>
<nav>Home | About | Contact</nav>
<article>
<p>Lighthouse keepers tended the lamps of coastal lighthouses for more than two centuries.</p>
<p>The keepers trimmed wicks, polished lenses and wound the clockwork that turned the lighthouse lamps every night.</p>
<p>Many families lived at the lighthouse with the keepers, far from the nearest town.</p>
<p>Automation in the twentieth century replaced the keepers, and the last lighthouse keepers retired in the 1990s.</p>
<p>Some lighthouses are now museums where visitors climb the tower &amp; see the lamps.</p>
</article><script>track("visit")</script><footer>Copyright</footer></body></html>`;

describe("web plugin", () => {
  let server: Server;
  let base: string;
  let agent: TestAgent;

  beforeAll(async () => {
    const pages: Record<string, [number, Record<string, string>, string]> = {
      "/article": [200, { "content-type": "text/html" }, ARTICLE],
      "/huge": [200, { "content-type": "text/plain" }, "word ".repeat(50_000)],
      "/away": [302, { location: "http://localhost:9/elsewhere" }, ""],
      "/image": [200, { "content-type": "image/png" }, "png"],
    };
    server = createServer((request, response) => {
      const [status, headers, body] = pages[request.url ?? ""] ?? [404, {}, ""];
      response.writeHead(status, headers).end(body);
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    agent = await createTestAgent({
      plugins: [web],
      character: { settings: { web: { allowHosts: [new URL(base).host], maxBytes: 20_000 } } },
    });
  });
  afterAll(async () => {
    await agent.stop();
    await new Promise((done) => server.close(done));
  });

  it("fetches an allowed page and answers with its title and main sentences", async () => {
    const reply = await agent.send(`summarise ${base}/article`);
    expect(reply.actions.map((run) => run.name)).toEqual(["summarize_url"]);
    expect(reply.text).toContain("The Lighthouse Keepers:");
    expect(reply.text).toContain("Lighthouse keepers tended the lamps");
    expect(reply.text).not.toMatch(/track\(|Copyright|Home \| About/);
  });

  it("refuses hosts that are not allowed, also behind a redirect", async () => {
    expect((await agent.send("what does https://example.com/post say?")).text).toContain(
      "I'm not allowed to read pages on example.com",
    );
    expect((await agent.send(`summarise this link ${base}/away`)).text).toContain(
      "not allowed to read pages on localhost:9",
    );
  });

  it("refuses pages over the size limit, pages that are not text and missing pages", async () => {
    expect((await agent.send(`can you read this page ${base}/huge and summarize it`)).text).toContain(
      "larger than my limit of 20 kB",
    );
    expect((await agent.send(`summarise this link ${base}/image`)).text).toContain("not a page I can read (image/png)");
    expect((await agent.send(`summarise this link ${base}/missing`)).text).toContain("answered 404");
  });

  it("reads nothing when the character allows no hosts", async () => {
    const closed = await createTestAgent({ plugins: [web] });
    try {
      expect((await closed.send(`summarise ${base}/article`)).text).toContain("not allowed to read pages");
    } finally {
      await closed.stop();
    }
  });
});
