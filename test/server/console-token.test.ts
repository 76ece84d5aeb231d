import { describe, expect, it } from "vitest";
import { characterJson, useApi } from "./api-harness.js";

describe("the web console behind the API token", () => {
  const startApi = useApi();

  it("loads its page and scripts without the token, while the API it calls still asks for it", async () => {
    const token = "console-token-7f3c9a1e";
    const { server } = await startApi({ juno: characterJson("Juno", "A host.") }, { token });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);

    expect((await fetch(`${server.url}/agents`)).status).toBe(401);
    const authorized = await fetch(`${server.url}/agents`, { headers: { authorization: `Bearer ${token}` } });
    expect(authorized.status).toBe(200);
  });
});
