// postinstall: generates the Prisma client into lib/generated/prisma.
// `prisma generate` does not need Prisma's schema-engine binary, but the CLI tries to download
// it on first use; offline machines cannot, so point it at a no-op unless one is configured.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && process.platform !== "win32") {
  env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env,
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
