import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/migrations.server";
import { type DatabaseHandle, openDatabase, withDatabase } from "@/scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL to the server's maintenance database, for tests that need scratch databases. */
    adminUrl: string;
    /** A freshly migrated throwaway database shared by this run's integration tests. */
    databaseUrl: string;
  }
}

/**
 * One throwaway database per run on the DATABASE_URL server (or an embedded PostgreSQL when
 * it is unset), migrated by the real runner, dropped afterwards.
 */
export default async function setup(project: TestProject) {
  const server: DatabaseHandle = await openDatabase("test");
  const adminUrl = withDatabase(server.url, "postgres");
  const name = `passmark_it_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabase(server.url, name);
  await migrate({
    connectionString: databaseUrl,
    dir: path.resolve(import.meta.dirname, "../../prisma/migrations"),
  });
  project.provide("adminUrl", adminUrl);
  project.provide("databaseUrl", databaseUrl);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  };
}
