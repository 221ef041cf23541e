import { describe, expect, it } from "vitest";
import { ContentError, loadBank, readContentFiles } from "./load.server";

const FIXTURES = "lib/content/__fixtures__";

describe("readContentFiles", () => {
  it("returns repo-relative, sorted, /-separated paths of .md and .yaml files", () => {
    const paths = readContentFiles(`${FIXTURES}/valid`).map((f) => f.path);
    expect(paths).toEqual([
      `${FIXTURES}/valid/README.md`,
      `${FIXTURES}/valid/alpha/COVERAGE.md`,
      `${FIXTURES}/valid/alpha/catalog/owner-field.md`,
      `${FIXTURES}/valid/alpha/drills/ignored-drill.md`,
      `${FIXTURES}/valid/alpha/templates/unsafe-markup.md`,
      `${FIXTURES}/valid/alpha/track.yaml`,
      `${FIXTURES}/valid/beta/compute/three-options.md`,
      `${FIXTURES}/valid/beta/storage/choose-two.md`,
      `${FIXTURES}/valid/beta/track.yaml`,
    ]);
  });
});

describe("loadBank", () => {
  it("compiles a folder once per process", () => {
    const bank = loadBank(`${FIXTURES}/valid`);
    expect(bank.questions).toHaveLength(4);
    expect(loadBank(`${FIXTURES}/valid`)).toBe(bank);
  });

  it("throws a ContentError whose message is the formatted report", () => {
    let error: unknown;
    try {
      loadBank(`${FIXTURES}/bad-tracks`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const report = (error as ContentError).message.split("\n");
    expect(report[0]).toBe(
      `${FIXTURES}/bad-tracks/bad-doc-url/track.yaml:23: \`domains[0].docs[0].url\` must be an https URL on an official host (backstage.io, github.com/backstage, cncf.io, linuxfoundation.org, docs.aws.amazon.com, aws.amazon.com, d1.awsstatic.com)`,
    );
    expect((error as ContentError).problems).toHaveLength(report.length);
  });
});
