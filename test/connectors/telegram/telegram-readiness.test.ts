import { describe, expect, it } from "vitest";
import { useTempDir } from "../../helpers/temp-dir.js";
import { startTelegramTroupe } from "./telegram-harness.js";

describe("Telegram connector: readiness", () => {
  const tempDir = useTempDir();

  it("is not ready while getUpdates fails, ready again once it recovers, and not after a 409 stopped it", async () => {
    const { fake, connect, close, troupe } = await startTelegramTroupe(tempDir());
    const bot = await connect("Juno");
    expect(bot.readiness()).toEqual({ ready: true });

    fake.failNext("getUpdates", { kind: "error", status: 502, description: "Bad Gateway" }, 6);
    await fake.waitFor(() => !bot.readiness().ready);
    expect(bot.readiness().reason).toMatch(/^could not get Telegram updates \(502, \d in a row\); trying again$/);
    expect(troupe.readiness().connectors).toContainEqual({ platform: "telegram", ...bot.readiness() });
    await fake.waitFor(() => bot.readiness().ready);

    fake.failNext("getUpdates", {
      kind: "error",
      status: 409,
      description: "Conflict: terminated by other getUpdates request",
    });
    await fake.waitFor(() => !bot.readiness().ready);
    expect(bot.readiness()).toEqual({ ready: false, reason: "stopped receiving Telegram updates (409)" });
    await close();
    expect(bot.readiness()).toEqual({ ready: false, reason: "not connected to Telegram" });
  });
});
