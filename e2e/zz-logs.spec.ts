import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { PASSWORDS, SERVER_LOG } from "./secret";

/**
 * Runs last (files run in name order, one worker): the server's whole output during the suite,
 * which signed up, signed in, failed passwords and answered questions, holds no password, no
 * session token and no request body.
 */
test("the server logged no password, token or answer during the whole suite", () => {
  const log = readFileSync(SERVER_LOG, "utf8");
  // The log is real (the check could fail): the server's start-up line is in it.
  expect(log).toMatch(/Ready in|Local:/);
  for (const password of PASSWORDS) expect(log).not.toContain(password);
  expect(log).not.toMatch(/session-token|"password"|password=|"selected"\s*:/i);
});
