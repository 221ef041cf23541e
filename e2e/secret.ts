/** The signing secret of the e2e server (scripts/test.ts passes a random one; this is the fallback). */
export const E2E_SECRET = process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-use";

/** The e2e server's output, kept so the last spec can check that nothing secret was logged. */
export const SERVER_LOG = "test-results/e2e-server.log";

/** Every password the suite types: none may ever appear in the server's output. */
export const PASSWORDS = [
  "a sturdy passphrase 42",
  "an exam-taking passphrase 9",
  "wrong passphrase here",
  "not the right passphrase",
  "another sturdy passphrase 7",
  "password1234",
] as const;
