import { describe, expect, it } from "vitest";
import { frameworkRequestProblem } from "./request-guard";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("frameworkRequestProblem", () => {
  it("lets ordinary requests and well-formed framework headers through", () => {
    expect(frameworkRequestProblem("GET", h({}))).toBeNull();
    const tree = encodeURIComponent(
      JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true]),
    );
    expect(frameworkRequestProblem("GET", h({ "next-router-state-tree": tree }))).toBeNull();
    expect(
      frameworkRequestProblem("POST", h({ "next-action": "7f3a9c", "content-length": "120" })),
    ).toBeNull();
  });

  it("refuses a malformed router state header with 400", () => {
    for (const bad of ["%E0%A4%A", "not json", encodeURIComponent('{"a":1}'), "x".repeat(20_000)]) {
      expect(frameworkRequestProblem("GET", h({ "next-router-state-tree": bad }))?.status).toBe(
        400,
      );
    }
  });

  it("refuses a malformed action id (400) and an action body over 1 MB (413)", () => {
    expect(frameworkRequestProblem("POST", h({ "next-action": "../../x" }))?.status).toBe(400);
    expect(
      frameworkRequestProblem("POST", h({ "next-action": "abc123", "content-length": "2000000" }))
        ?.status,
    ).toBe(413);
  });
});
