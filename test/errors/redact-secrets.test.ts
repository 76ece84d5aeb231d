import { describe, expect, it } from "vitest";
import { redactSecrets, rememberEnvSecrets, rememberSecret } from "../../src/errors/redact-secrets.js";

describe("redacting secrets from logs and errors", () => {
  it("hides credentials in URLs, secret query values, bearer tokens and sk- keys", () => {
    expect(redactSecrets("GET http://user:hunter22@example.org:8080/v1 failed")).toBe(
      "GET http://user:***@example.org:8080/v1 failed",
    );
    expect(redactSecrets("https://example.org/v1?api-key=abc123def&model=x&access_token=zz99zz")).toBe(
      "https://example.org/v1?api-key=***&model=x&access_token=***",
    );
    expect(redactSecrets("500 internal failure for key Bearer sk-proj-Abc123xyz987")).toBe(
      "500 internal failure for key Bearer [redacted]",
    );
    expect(redactSecrets('{"msg":"rejected sk-live-1234567890abcdef"}')).toBe('{"msg":"rejected sk-[redacted]"}');
  });

  it("hides every remembered value and every secret-named variable's value, wherever it appears", () => {
    rememberSecret("tok-remembered-51");
    rememberEnvSecrets({
      DISCORD_BOT_TOKEN: "dc-planted-8812",
      OPENAI_BASE_URL: "http://bob:p%40ss-7781@127.0.0.1:9/v1?key=qk-55123",
      HOME: "/root",
    });
    const line = "tok-remembered-51 dc-planted-8812 p@ss-7781 qk-55123 /root";
    expect(redactSecrets(line)).toBe("[redacted] [redacted] [redacted] [redacted] /root");
  });

  it("leaves ordinary text alone", () => {
    const text = "agent Juno ready (model gpt-4o-mini at http://127.0.0.1:11434/v1), can do: research";
    expect(redactSecrets(text)).toBe(text);
  });
});
