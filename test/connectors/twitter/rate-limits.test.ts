import { describe, expect, it } from "vitest";
import { endpointOf, RateLimits } from "../../../src/connectors/twitter/rate-limits.js";

describe("RateLimits", () => {
  it("names an endpoint by method and path with ids replaced, keeping the API version", () => {
    expect(endpointOf("get", "http://127.0.0.1:1/2/users/1500000000000000001/mentions?since_id=1")).toBe(
      "GET /2/users/:id/mentions",
    );
    expect(endpointOf("GET", "https://api.x.com/2/users/:id/mentions")).toBe("GET /2/users/:id/mentions");
    expect(endpointOf("POST", "https://api.x.com/2/tweets")).toBe("POST /2/tweets");
  });

  it("asks to wait until the reset only when an endpoint's window is spent", () => {
    let now = 1_000_000;
    const limits = new RateLimits(() => now);
    limits.observe("GET /2/users/:id/mentions", { remaining: 3, reset: 1_060 });
    expect(limits.delayFor("GET /2/users/:id/mentions")).toBe(0);
    limits.observe("GET /2/users/:id/mentions", { remaining: 0, reset: 1_060 });
    expect(limits.delayFor("GET /2/users/:id/mentions")).toBe(60_000);
    expect(limits.delayFor("POST /2/tweets")).toBe(0);
    now = 1_060_000;
    expect(limits.delayFor("GET /2/users/:id/mentions")).toBe(0);
  });
});
