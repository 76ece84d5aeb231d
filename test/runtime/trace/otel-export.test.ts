import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, type InboundMessage, Troupe } from "../../../src/index.js";
import { useTempDir } from "../../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string } }[];
  links?: { traceId: string; spanId: string }[];
}

/** A tiny OTLP/HTTP collector: keeps the spans of every JSON export POSTed to /v1/traces. */
async function startCollector(): Promise<{ url: string; spans: OtlpSpan[]; paths: string[]; close(): Promise<void> }> {
  const spans: OtlpSpan[] = [];
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      paths.push(`${request.method} ${request.url} ${request.headers["content-type"]}`);
      const exported = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const resource of exported.resourceSpans)
        for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function attribute(span: OtlpSpan | undefined, key: string): string | undefined {
  return span?.attributes.find((each) => each.key === key)?.value.stringValue;
}

const fromAda: InboundMessage = {
  platform: "test",
  room: { id: "dm-ada", kind: "direct" },
  user: { id: "ada", name: "Ada" },
  text: "Can you research when penicillin was discovered?",
};

describe("OpenTelemetry export (OTEL_EXPORTER_OTLP_ENDPOINT)", () => {
  const tempDir = useTempDir();
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  it("sends each message as spans: the message, its steps under it, the action under its step, the task under the action", async () => {
    const collector = await startCollector();
    closing.push(collector.close);
    const troupe = await Troupe.start(["characters/host.json", "characters/researcher.json"], {
      dataDir: tempDir(),
      logger,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: "troupe-test" },
    });
    const reply = await troupe.send("Juno", fromAda);
    // Stopping sends what is pending.
    await troupe.stop();

    expect(collector.paths[0]).toBe("POST /v1/traces application/json");
    const junoMessage = collector.spans.find(
      (span) => span.name === "troupe.message" && attribute(span, "troupe.agent") === "Juno",
    );
    expect(attribute(junoMessage, "troupe.trace_id")).toBe(reply?.traceId);
    // The OpenTelemetry trace id is the Troupe trace id's hex digits, so either finds the other.
    expect(junoMessage?.traceId).toBe(reply?.traceId?.replace(/-/g, ""));
    const ofJuno = collector.spans.filter((span) => span.traceId === junoMessage?.traceId);
    const steps = ofJuno.filter((span) => span.name.startsWith("troupe.step."));
    expect(steps.map((span) => span.name)).toEqual([
      "troupe.step.record",
      "troupe.step.decide",
      "troupe.step.recall",
      "troupe.step.compose",
      "troupe.step.generate",
      "troupe.step.act",
      "troupe.step.reply",
      "troupe.step.reflect",
    ]);
    for (const step of steps) expect(step.parentSpanId).toBe(junoMessage?.spanId);
    const generate = steps.find((span) => span.name === "troupe.step.generate");
    const tool = ofJuno.find((span) => span.name === "troupe.tool.delegate");
    expect(tool?.parentSpanId).toBe(generate?.spanId);
    const task = ofJuno.find((span) => span.name === "troupe.delegation.research");
    expect(task?.parentSpanId).toBe(tool?.spanId);
    expect(attribute(task, "troupe.helper")).toBe("Theo");

    // Theo's trace of the task links back to Juno's message, and Juno's task span links to Theo's message.
    const theoMessage = collector.spans.find(
      (span) => span.name === "troupe.message" && attribute(span, "troupe.agent") === "Theo",
    );
    expect(attribute(theoMessage, "troupe.parent_trace_id")).toBe(reply?.traceId);
    expect(theoMessage?.links?.[0]).toMatchObject({ traceId: junoMessage?.traceId, spanId: junoMessage?.spanId });
    expect(task?.links?.[0]).toMatchObject({ traceId: theoMessage?.traceId, spanId: theoMessage?.spanId });
  });

  it("exports nothing without the variable", async () => {
    const collector = await startCollector();
    closing.push(collector.close);
    const troupe = await Troupe.start(["characters/host.json"], { dataDir: tempDir(), logger, env: {} });
    await troupe.send("Juno", { ...fromAda, text: "Hello!" });
    await troupe.stop();
    expect(collector.paths).toEqual([]);
  });
});
