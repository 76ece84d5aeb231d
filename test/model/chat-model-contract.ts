import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage, type ToolMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";

/** What each chat model implementation provides to the shared suite. */
export interface ChatModelHarness {
  /** A fresh chat model. */
  create(): Promise<BaseChatModel>;
  /**
   * Tells a server which tool call to answer next. A model that decides for
   * itself (the offline one) leaves this out and must reach the same call
   * from the words of the message.
   */
  willCallTool?(name: string, args: Record<string, unknown>): void;
  /** Makes the next answer slow, so a call can be cancelled while it runs; left out where answers are instant. */
  willBeSlow?(): void;
  /** The tool names the model was last asked with, where they can be seen (a server's request). */
  toolsSent?(): string[];
  /** Releases what `create` started. */
  close?(): Promise<void>;
}

const clock = tool(async () => "It is 10:42 on Tuesday.", {
  name: "current_time",
  description: 'Tells the current date and time.\nExamples: "what time is it"; "tell me the date"',
  schema: z.object({}),
});

const residence = z.object({ city: z.string().describe("the city the user lives in") });

/** The behaviour every chat model an agent can run on must have, run against each implementation. */
export function chatModelContract(name: string, harness: ChatModelHarness): void {
  describe(`${name}: the chat model contract`, () => {
    afterEach(async () => {
      await harness.close?.();
    });

    it("answers a plain message with text and no tool call", async () => {
      const model = await harness.create();
      const answer = await model.invoke([
        new SystemMessage("You are Sage, a calm tea master."),
        new HumanMessage("Hello!"),
      ]);
      expect(typeof answer.content).toBe("string");
      expect(answer.text.trim()).not.toBe("");
      expect(answer.tool_calls ?? []).toEqual([]);
    });

    it("calls a bound tool, and answers with what the tool returned", async () => {
      const model = await harness.create();
      if (!model.bindTools) throw new Error(`${name} cannot bind tools`);
      const bound = model.bindTools([clock]);
      const question = [new SystemMessage("You are Sage, a calm tea master."), new HumanMessage("What time is it?")];
      harness.willCallTool?.("current_time", {});
      const call = await bound.invoke(question);
      expect(call.tool_calls).toEqual([expect.objectContaining({ name: "current_time", id: expect.any(String) })]);
      if (harness.toolsSent) expect(harness.toolsSent()).toEqual(["current_time"]);

      // Invoked with a tool call, a LangChain tool answers with the ToolMessage that carries its id.
      const result = (await clock.invoke(call.tool_calls?.[0] as Parameters<typeof clock.invoke>[0])) as ToolMessage;
      const answer = await bound.invoke([...question, call, result]);
      expect(answer.tool_calls ?? []).toEqual([]);
      expect(answer.text).toContain("10:42");
    });

    it("gives a structured answer that fits the schema", async () => {
      const model = await harness.create();
      harness.willCallTool?.("record_city", { city: "Lima" });
      const structured = model.withStructuredOutput(residence, { name: "record_city", method: "functionCalling" });
      const answer = await structured.invoke([
        new SystemMessage("Record where the user lives."),
        new HumanMessage("I live in Lima."),
      ]);
      expect(residence.parse(answer)).toEqual({ city: "Lima" });
    });

    it("rejects a cancelled call with an abort error instead of answering it", async () => {
      const model = await harness.create();
      const controller = new AbortController();
      if (harness.willBeSlow) {
        harness.willBeSlow();
        setTimeout(() => controller.abort(), 50);
      } else {
        controller.abort();
      }
      const call = model.invoke([new HumanMessage("Tell me about green tea.")], { signal: controller.signal });
      await expect(call).rejects.toThrow(/abort/i);
    });
  });
}
