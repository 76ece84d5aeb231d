import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import calculator from "../../plugins/calculator/index.js";
import reminders from "../../plugins/reminders/index.js";
import { createTimePlugin } from "../../plugins/time/index.js";
import { OfflineChatModel } from "../../src/offline/index.js";
import { actionToTool } from "../../src/plugins/action-to-tool.js";
import type { Plugin } from "../../src/plugins/plugin.js";
import { prompt, sage, turn } from "../helpers/sage-character.js";

const clock = tool(async () => "It is 10:42 on Tuesday.", {
  name: "current_time",
  description: 'Tells the current date and time.\nExamples: "what time is it"; "tell me the date"; "what day is today"',
  schema: z.object({}),
});

const reminder = {
  name: "set_reminder",
  description:
    'Sets a reminder.\nExamples: "remind me to call mom in 10 minutes"; "set a reminder to water the plants"',
  schema: z.object({ text: z.string(), minutes: z.number().default(60) }),
};

const weather = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: 'Current weather for a city. Examples: "what\'s the weather in Paris"; "is it raining in London"',
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

function bound() {
  return new OfflineChatModel({ character: sage() }).bindTools([clock, reminder, weather]);
}

describe("OfflineChatModel.bindTools", () => {
  it("calls the tool whose examples match the message (a LangChain tool)", async () => {
    const answer = await bound().invoke(turn("what time is it?"));
    expect(answer.content).toBe("");
    expect(answer.tool_calls).toEqual([
      { id: expect.stringMatching(/^call_/), name: "current_time", args: {}, type: "tool_call" },
    ]);
  });

  it("fills a string argument with the relevant part of the message and numbers from it (zod tool params)", async () => {
    const answer = await bound().invoke(turn("remind me to buy milk in 20 minutes"));
    expect(answer.tool_calls?.[0]).toMatchObject({ name: "set_reminder", args: { text: "buy milk", minutes: 20 } });
    const withDefault = await bound().invoke(turn("can you remind me to feed the cat"));
    expect(withDefault.tool_calls?.[0]?.args).toEqual({ text: "feed the cat", minutes: 60 });
  });

  it("fills the required text parameter with the request, whatever order the schema lists the parameters in", async () => {
    const note = {
      name: "save_note",
      description: 'Saves a note. Examples: "save a note that the boiler needs a service"; "note down the wifi code"',
      schema: z.object({ label: z.string().optional(), note: z.string() }),
    };
    const answer = await new OfflineChatModel({ character: sage() })
      .bindTools([note])
      .invoke(turn("please save a note that the garden gate squeaks"));
    expect(answer.tool_calls?.[0]).toMatchObject({ name: "save_note", args: { note: "garden gate squeaks" } });
    expect(answer.tool_calls?.[0]?.args).not.toHaveProperty("label");
  });

  it("fills a place parameter (an OpenAI function tool)", async () => {
    const answer = await bound().invoke(turn("how's the weather in Tokyo?"));
    expect(answer.tool_calls?.[0]).toMatchObject({ name: "get_weather", args: { city: "Tokyo" } });
  });

  it("does not call a tool for an unrelated message, or for a statement that merely mentions its subject", async () => {
    for (const text of ["I feel lost lately", "What is my name?", "I had a great time yesterday", "hello"]) {
      const answer = await bound().invoke(turn(text, { userFacts: ["name: Alice"] }));
      expect(answer.tool_calls ?? []).toEqual([]);
      expect(answer.text.length).toBeGreaterThan(0);
    }
  });

  it("passes a request on in full, without the words that address it to a helper by name", async () => {
    const handOver = {
      name: "hand_over",
      description: 'Asks another agent to do a task.\nExamples: "ask Theo to research volcanoes"',
      schema: z.object({ task: z.string().describe("the request, in full, as the helper should read it") }),
    };
    const model = new OfflineChatModel({ character: sage() }).bindTools([handOver]);
    const addressed = await model.invoke(turn("Can you ask Theo to research the history of tea?"));
    expect(addressed.tool_calls?.[0]).toMatchObject({
      name: "hand_over",
      args: { task: "Research the history of tea?" },
    });
    const unnamed = await model.invoke(turn("please ask someone to research the history of tea"));
    expect(unnamed.tool_calls?.[0]?.args).toEqual({ task: "please ask someone to research the history of tea" });
  });

  it("answers in character with the tool's result after a tool message", async () => {
    const model = bound();
    const call = await model.invoke(turn("what time is it?"));
    const toolCall = call.tool_calls?.[0];
    if (!toolCall?.id) throw new Error("expected a tool call");
    const result = await clock.invoke(toolCall);
    const answer = await model.invoke([
      new SystemMessage(prompt()),
      new HumanMessage("what time is it?"),
      new AIMessage(call),
      result,
    ]);
    expect(answer.tool_calls ?? []).toEqual([]);
    expect(answer.text).toContain("It is 10:42 on Tuesday.");
  });

  it("reads a JSON tool result and says when a tool failed", async () => {
    const model = bound();
    const history = [new SystemMessage(prompt()), new HumanMessage("weather in Lima?")];
    const json = await model.invoke([
      ...history,
      new ToolMessage('{"summary":"Sunny, 24°C"}', "call_1", "get_weather"),
    ]);
    expect(json.text).toContain("Sunny, 24°C");
    const failed = await model.invoke([
      ...history,
      new ToolMessage({ content: "service unavailable", tool_call_id: "call_1", status: "error" }),
    ]);
    expect(failed.text).toMatch(/didn't (?:work|go through)/);
    expect(failed.text).toContain("service unavailable");
  });

  it("passes another agent's answer to a delegated task on as it is", async () => {
    const answer = await bound().invoke([
      new SystemMessage(prompt()),
      new HumanMessage("can you research tides for me?"),
      new AIMessage({ content: "", tool_calls: [{ id: "call_1", name: "delegate", args: { task: "tides" } }] }),
      new ToolMessage({ content: "Theo helped with research: Tides follow the moon.", tool_call_id: "call_1" }),
    ]);
    expect(answer.text).toBe("Theo helped with research: Tides follow the moon.");
  });

  it("gives a tool's answer in the first person as the reply, without a preamble", async () => {
    const answer = await bound().invoke([
      new SystemMessage(prompt()),
      new HumanMessage("what does https://example.com say?"),
      new ToolMessage("I'm not allowed to read pages on example.com.", "call_1", "fetch_page"),
    ]);
    expect(answer.text).toBe("I'm not allowed to read pages on example.com.");
  });

  it("honours tool_choice: none never calls, a tool name always does", async () => {
    const model = new OfflineChatModel({ character: sage() });
    const none = await model.bindTools([clock], { tool_choice: "none" }).invoke(turn("what time is it?"));
    expect(none.tool_calls ?? []).toEqual([]);
    const forced = await model.bindTools([clock], { tool_choice: "current_time" }).invoke(turn("I feel lost"));
    expect(forced.tool_calls?.[0]?.name).toBe("current_time");
  });

  it("produces the same tool call id for the same message", async () => {
    const first = await bound().invoke(turn("what time is it?"));
    const second = await bound().invoke(turn("what time is it?"));
    expect(second.tool_calls?.[0]?.id).toBe(first.tool_calls?.[0]?.id);
  });
});

describe("OfflineChatModel.bindTools with the first-party plugins' actions", () => {
  function withPlugins(...plugins: Plugin[]) {
    const tools = plugins.flatMap((plugin) => (plugin.actions ?? []).map(actionToTool));
    return new OfflineChatModel({ character: sage() }).bindTools(tools);
  }

  it("reads 'times' between numbers as multiplication: the calculator, not the clock", async () => {
    for (const text of ["What is 12 times 7?", "what's 9 times 8", "how much is 3 times 4?"]) {
      const answer = await withPlugins(calculator, createTimePlugin()).invoke(turn(text));
      expect(answer.tool_calls?.map((call) => call.name)).toEqual(["calculate"]);
    }
    const clockOnly = await withPlugins(createTimePlugin()).invoke(turn("What is 12 times 7?"));
    expect(clockOnly.tool_calls ?? []).toEqual([]);
  });

  it("does not call a tool because a number is shared: a note's number is not a reminder's", async () => {
    const model = withPlugins(calculator, createTimePlugin(), reminders);
    for (const text of ["what did I say about note number 99?", "what number did I tell you?"]) {
      expect((await model.invoke(turn(text))).tool_calls ?? []).toEqual([]);
    }
    const cancel = await model.invoke(turn("please cancel reminder 2"));
    expect(cancel.tool_calls?.[0]).toMatchObject({ name: "cancel_reminder", args: { id: 2 } });
  });

  it("reads 'how do I …?' as asking how, not as asking for it, unless the answer is the tool's result", async () => {
    const model = withPlugins(calculator, createTimePlugin(), reminders);
    expect((await model.invoke(turn("how do I set a reminder?"))).tool_calls ?? []).toEqual([]);
    const convert = await model.invoke(turn("how do I convert 5 km to miles?"));
    expect(convert.tool_calls?.map((call) => call.name)).toEqual(["convert_units"]);
  });

  it("still asks the clock what time it is, here or in a city", async () => {
    const model = withPlugins(calculator, createTimePlugin());
    const here = await model.invoke(turn("what time is it?"));
    expect(here.tool_calls?.map((call) => call.name)).toEqual(["current_time"]);
    const tokyo = await model.invoke(turn("what's the time in Tokyo?"));
    expect(tokyo.tool_calls?.[0]).toMatchObject({ name: "current_time", args: { place: "Tokyo" } });
  });
});
