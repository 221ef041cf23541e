import { PrismaPg } from "@prisma/adapter-pg";
import { poolMax } from "@/lib/db-pool";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/**
 * A Prisma client on the driver adapter (no engine binary), its pool sized by DATABASE_POOL_MAX
 * (lib/db-pool). Callers own its lifetime.
 */
export function createDb(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolMax() }) });
}
