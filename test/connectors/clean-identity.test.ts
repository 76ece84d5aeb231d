import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../src/cli/terminal-safe.js";
import { cleanIdentity, cleanMessageText } from "../../src/connectors/index.js";

describe("names, ids and text from strangers", () => {
  it("removes terminal escapes, control and invisible direction characters from a name", () => {
    expect(cleanIdentity("Ada\u001b[2J\u001b]0;pwned\u0007", 64)).toBe("Ada [2J ]0;pwned");
    expect(cleanIdentity("\u202eevil\u202c\u200bname\ufeff", 64)).toBe("evil name");
    expect(cleanIdentity("  two\n\tlines  ", 64)).toBe("two lines");
  });

  it("replaces lone surrogates, keeps emoji and joiners whole, and cuts between characters", () => {
    expect(cleanIdentity("Eve\ud800", 64)).toBe("Eve\ufffd");
    expect(cleanIdentity("👩‍💻 Grace", 64)).toBe("👩‍💻 Grace");
    expect(cleanIdentity("🙂".repeat(10), 3)).toBe("🙂🙂🙂");
    expect(cleanIdentity("e\u0301", 64)).toBe("é");
  });

  it("keeps newlines and tabs in message text, drops other control characters and bad surrogates", () => {
    expect(cleanMessageText("line one\n\tline two\u001b[31m\u0000\udc00")).toBe("line one\n\tline two[31m\ufffd");
  });

  it("shows control characters as escapes when printing to the operator's terminal", () => {
    expect(terminalSafe("hi\u001b[2J there\u202e")).toBe("hi\\x1b[2J there\\u202e");
  });
});
