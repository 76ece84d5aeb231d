import { describe, expect, it } from "vitest";
import { createModels } from "../../src/model/index.js";
import { OfflineChatModel } from "../../src/offline/index.js";
import { sage, turn } from "../helpers/sage-character.js";

describe("createModels", () => {
  it("returns the offline pair, whose embeddings have embedSync and the reported dimension", async () => {
    const models = await createModels(sage(), {});
    expect(models.provider).toBe("offline");
    expect(models.chat).toBeInstanceOf(OfflineChatModel);
    expect(models.dimensions).toBe(384);
    expect(models.embeddingModel).toBe("troupe-offline-hash-v1");
    expect(models.embeddings.embedSync?.("hello")).toHaveLength(384);
    expect((await models.chat.invoke(turn("I need a holiday"))).text).toMatch(/holiday/);
  });

  it("honours the character's embedding dimensions", async () => {
    const models = await createModels(sage({ model: { embeddingDimensions: 128 } }), {});
    expect(models.dimensions).toBe(128);
    expect(await models.embeddings.embedQuery("hello")).toHaveLength(128);
  });
});
