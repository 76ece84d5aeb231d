import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeDiscord } from "../../fakes/discord/discord-server.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { character, closeFakeDiscord, openFakeDiscord, type RunningBot, startBot } from "./discord-harness.js";

describe("Discord connector: readiness", () => {
  const tempDir = useTempDir();
  let fake: FakeDiscord;
  const running: RunningBot[] = [];

  beforeEach(async () => {
    ({ fake } = await openFakeDiscord());
  });
  afterEach(() => closeFakeDiscord(fake, running));

  it("is ready while the gateway is connected, again after a resume, not once it is gone, nor after stop", async () => {
    const bot = fake.addBot("juno_bot");
    const started = await startBot({ fake, bot, character: await character("host"), dataDir: tempDir() });
    running.push(started);
    expect(started.connector.readiness()).toEqual({ ready: true });

    // A dropped connection that discord.js resumes: ready again afterwards, not stuck on the drop.
    fake.gateway.dropConnections();
    await fake.waitFor(() => fake.gateway.frames.some((frame) => frame.op === 6), "a RESUME");
    await fake.waitFor(() => started.connector.readiness().ready, "ready again after the resume");

    // The gateway goes away for good: discord.js keeps trying, and the connector says it cannot serve.
    fake.gateway.close();
    await fake.waitFor(() => !started.connector.readiness().ready, "the connector to notice");
    expect(started.connector.readiness().reason).toMatch(/^Discord gateway /);

    await started.stop();
    running.splice(running.indexOf(started), 1);
    expect(started.connector.readiness()).toEqual({ ready: false, reason: "not connected to Discord" });
  });
});
