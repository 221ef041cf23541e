import { describe, expect, it } from "vitest";
import { checksumOf, MigrationError, planPending } from "@/lib/migrations.server";

const file = (name: string, sql = `-- ${name}`) => ({ name, sql, checksum: checksumOf(sql) });
const row = (
  name: string,
  over: Partial<{
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
  }> = {},
) => ({
  migration_name: name,
  checksum: checksumOf(`-- ${name}`),
  finished_at: new Date(),
  rolled_back_at: null,
  logs: null,
  ...over,
});

describe("planPending", () => {
  it("returns the unapplied migrations in the given (sorted) order", () => {
    const files = [file("1_a"), file("2_b"), file("3_c")];
    expect(planPending(files, [row("1_a")]).map((f) => f.name)).toEqual(["2_b", "3_c"]);
    expect(
      planPending(
        files,
        files.map((f) => row(f.name)),
      ),
    ).toEqual([]);
  });

  it("retries a migration that was rolled back", () => {
    const files = [file("1_a")];
    expect(
      planPending(files, [row("1_a", { finished_at: null, rolled_back_at: new Date() })]),
    ).toEqual(files);
  });

  it("refuses a half-applied migration and quotes its first log line", () => {
    expect(() =>
      planPending([file("1_a")], [row("1_a", { finished_at: null, logs: "boom\nstack" })]),
    ).toThrow("Migration 1_a was started but never finished (boom).");
  });

  it("refuses a changed checksum and a missing folder", () => {
    expect(() => planPending([file("1_a", "changed")], [row("1_a")])).toThrow(
      /1_a was modified after it was applied/,
    );
    expect(() => planPending([], [row("1_a")])).toThrow(MigrationError);
  });
});
