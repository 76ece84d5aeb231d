import { describe, expect, it } from "vitest";
import { createSseParser } from "../../src/console/ui/sse.js";

describe("the console's server-sent events reader", () => {
  it("reads named events whose data arrives split across pieces, at any byte", () => {
    const stream =
      'event: delta\ndata: {"text":"Hel"}\n\nevent: delta\ndata: {"text":"lo"}\n\nevent: done\ndata: {"reply":"Hello"}\n\n';
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = createSseParser();
      const events = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual([
        { event: "delta", data: '{"text":"Hel"}' },
        { event: "delta", data: '{"text":"lo"}' },
        { event: "done", data: '{"reply":"Hello"}' },
      ]);
    }
  });

  it("joins data lines, accepts CRLF, skips comments and events with no data, and holds an unfinished event", () => {
    const parser = createSseParser();
    expect(
      parser.push(": keep-alive\r\n\r\nevent: ping\r\n\r\ndata: one\r\ndata: two\r\n\r\nevent: done\ndata: x"),
    ).toEqual([{ event: "message", data: "one\ntwo" }]);
    expect(parser.push("\n\n")).toEqual([{ event: "done", data: "x" }]);
  });
});
