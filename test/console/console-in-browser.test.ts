import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCli } from "../helpers/run-cli.js";

/** Debian's Chromium (`apt-get install chromium`); the test never downloads a browser. */
const CHROMIUM = "/usr/bin/chromium";
/** Chromium quiet and offline: nothing beyond the troupe under test is contacted. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SCREENSHOTS = resolve(import.meta.dirname, "../../test-results");

/** Waits up to 10 s for what the page shows to match (a reply on a busy machine takes a while). */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

describe("the web console in Chromium against troupe start", () => {
  // Made and removed here, not per test: the troupe and the browser use them for the whole file.
  const dataDir = mkdtempSync(join(tmpdir(), "troupe-console-data-"));
  const profileDir = mkdtempSync(join(tmpdir(), "troupe-console-chromium-"));
  let stopTroupe: () => Promise<void>;
  let base: string;
  let browser: BrowserContext;
  let page: Page;
  /** Requests the page made to anything but the troupe under test: the console must work offline. */
  const elsewhere: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium).`);
    const { child, match } = await startCli(["start", "--port", "0", "--data-dir", dataDir], /HTTP API on (\S+)/);
    base = match[1] as string;
    stopTroupe = async () => {
      child.kill("SIGTERM");
      await once(child, "close");
    };
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1200, height: 720 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // A missing element fails its step in seconds, naming it, rather than the whole test timing out.
    page.setDefaultTimeout(10_000);
    page.on("request", (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith("data:")) elsewhere.push(request.url());
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stopTroupe?.();
    for (const dir of [dataDir, profileDir]) rmSync(dir, { recursive: true, force: true });
  });

  it("chats with a character, its reply streamed, beside the trace of the reply", async () => {
    await page.goto(`${base}/`);
    await page.getByLabel("Character").selectOption("Theo");
    await page.getByLabel("You are").fill("alice");
    await page.getByLabel("You are").press("Tab");

    const streamed = page.waitForResponse((response) => response.url().endsWith("/messages"));
    await page.getByLabel("Message").fill("Hi! My name is Alice and I live in Oslo.");
    await page.getByRole("button", { name: "Send" }).click();
    expect((await streamed).headers()["content-type"]).toMatch(/^text\/event-stream/);
    await eventually(() => page.getByTestId("line-agent").last().textContent()).toContain("Alice");

    // A second message: the answer comes from what it remembers, and the panel turns to this reply's trace.
    await page.getByLabel("Message").fill("Where do I live?");
    await page.getByRole("button", { name: "Send" }).click();
    await eventually(() => page.getByTestId("line-agent").last().textContent()).toContain("Oslo");
    await eventually(() => page.getByTestId("trace-of").textContent()).toContain("Where do I live?");
    const recalled = page.getByTestId("recalled-memories");
    await eventually(() => recalled.locator("li").count()).toBeGreaterThan(0);
    expect(await recalled.textContent()).toMatch(/\d\.\d\d/);
    await eventually(() => page.getByTestId("trace-steps").locator("li").count()).toBeGreaterThan(3);
    await eventually(() => page.getByTestId("working-memory").textContent()).toContain("Oslo");
    await page.screenshot({ path: `${SCREENSHOTS}/console-chat.png` });
  });

  it("corrects what the character knows about the user, and the character then answers from it", async () => {
    await page.getByRole("link", { name: "memory" }).click();
    const place = page.getByLabel("lives in");
    await eventually(() => place.inputValue()).toBe("Oslo");
    await place.fill("Bergen");
    const save = place.locator("xpath=..").getByRole("button", { name: "Save" });
    await save.click();
    // Save turns grey again once the page has read back the stored value and it equals the field.
    await eventually(() => save.isDisabled()).toBe(true);
    expect(await page.getByLabel("lives in").inputValue()).toBe("Bergen");
    await page.screenshot({ path: `${SCREENSHOTS}/console-memory.png` });

    // Search what it remembers, and delete one memory: it is gone from the list.
    const found = page.getByTestId("memory-search").locator("li");
    await page.getByLabel("Search memories").fill("Oslo");
    await page.getByRole("button", { name: "Search" }).click();
    await eventually(() => found.first().textContent()).toMatch(/Oslo.*score \d\.\d\d/);
    const before = await found.count();
    const first = await found.first().locator(".text").textContent();
    await found.first().getByRole("button", { name: "Delete" }).click();
    await eventually(() => found.count()).toBe(before - 1);
    expect(await found.locator(".text").allTextContents()).not.toContain(first);

    // Not only the page: the troupe itself now holds the corrected fact.
    const stored = await fetch(`${base}/agents/theo/users/alice/working-memory`);
    expect(JSON.stringify(await stored.json())).toContain("Bergen");
    await page.getByRole("link", { name: "chat" }).click();
    await page.getByLabel("Message").fill("Where do I live?");
    await page.getByRole("button", { name: "Send" }).click();
    await eventually(() => page.getByTestId("line-agent").last().textContent()).toContain("Bergen");
  });

  it("pauses and resumes the character", async () => {
    await page.getByRole("button", { name: "Pause" }).click();
    await eventually(() => page.getByTestId("agent-state").textContent()).toBe("paused");
    const agents = (await (await fetch(`${base}/agents`)).json()) as { agents: { name: string; state: string }[] };
    expect(agents.agents.find((agent) => agent.name === "Theo")?.state).toBe("paused");
    // While paused it answers nothing: the chat shows the server's refusal in place of a reply.
    await page.getByLabel("Message").fill("Are you there?");
    await page.getByRole("button", { name: "Send" }).click();
    await eventually(() => page.locator(".line.agent .error-text").last().textContent()).toMatch(/Theo is paused/);
    await page.screenshot({ path: `${SCREENSHOTS}/console-paused.png` });
    await page.getByRole("button", { name: "Resume" }).click();
    await eventually(() => page.getByTestId("agent-state").textContent()).toBe("running");
  });

  it("shows a task one character delegated to another, in the trace and in the bus's live view", async () => {
    await page.getByRole("link", { name: "chat" }).click();
    await page.getByLabel("Character").selectOption("Juno");
    await page.getByLabel("Message").fill("Can you research when penicillin was discovered?");
    await page.getByRole("button", { name: "Send" }).click();
    await eventually(() => page.getByTestId("line-agent").last().textContent()).toContain("Fleming");
    await eventually(() => page.locator(".trace-panel").textContent()).toContain("delegated research to Theo");

    await page.getByRole("link", { name: "tasks" }).click();
    const row = page.getByTestId("task-table").locator("tbody tr", { hasText: "research" }).first();
    await eventually(() => row.textContent()).toMatch(/Juno → Theo.*succeeded/);
    await page.screenshot({ path: `${SCREENSHOTS}/console-tasks.png`, fullPage: true });
  });

  it("draws a workflow as its graph, its steps coloured by the run's states", async () => {
    const started = await fetch(`${base}/workflows/article/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ inputs: { topic: "penicillin", claim: "Fleming discovered penicillin", review: false } }),
    });
    expect(started.status).toBe(202);
    const graph = page.getByTestId("workflow-article").locator("svg.workflow-graph");
    await eventually(() => graph.locator("g.step").count()).toBeGreaterThan(3);
    // Every step ends in a state of its own, coloured as such; review is skipped (review: false).
    await eventually(() => graph.locator('g.step[data-state="succeeded"]').count()).toBeGreaterThan(2);
    expect(await graph.locator('g.step[data-state="none"]').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/console-workflow.png`, fullPage: true });
    expect(elsewhere).toEqual([]);
  });
});
