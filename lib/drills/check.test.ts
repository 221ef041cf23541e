import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkYaml } from "./check";

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const errors = async (text: string | Uint8Array, target?: Parameters<typeof checkYaml>[1]) =>
  (await checkYaml(text, target)).findings.filter((f) => f.severity === "error");

const component = (
  spec: string,
  meta = "  name: payments-api",
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
${meta}
spec:
${spec}
`;
const goodSpec = "  type: service\n  lifecycle: production\n  owner: team-payments";

describe("real Backstage YAML is accepted", () => {
  it("a descriptor of every kind, several per file, with $text substitution", async () => {
    const result = await checkYaml(fixture("catalog-all-kinds.yaml"));
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ valid: true, passed: true, documents: 8 });
  });

  it("a v1beta3 Software Template with pickers, a custom field extension and output links", async () => {
    expect((await checkYaml(fixture("template.yaml"))).findings).toEqual([]);
  });

  it("an app-config file and a production overlay", async () => {
    expect((await checkYaml(fixture("app-config.yaml"))).findings).toEqual([]);
    expect(
      (await checkYaml(fixture("app-config.production.yaml"), { target: "app-config-overlay" }))
        .findings,
    ).toEqual([]);
  });
});

describe("each defect is rejected at the right line", () => {
  it("a wrong apiVersion", async () => {
    const [f] = await errors(component(goodSpec).replace("v1alpha1", "v2"));
    expect(f).toMatchObject({ path: "apiVersion", line: 1, column: 1 });
    expect(f?.message).toMatch(/not an apiVersion of Component/);
  });

  it("a missing metadata.name, and an invalid one", async () => {
    const missing = await errors(component(goodSpec, "  title: Payments"));
    expect(missing[0]).toMatchObject({ line: 3 });
    expect(missing[0]?.message).toMatch(/name/);
    const invalid = await errors(component(goodSpec, "  name: Payments API!"));
    expect(invalid[0]).toMatchObject({ path: "metadata.name", line: 4, column: 3 });
    expect(invalid[0]?.message).toMatch(/"metadata.name" is not valid/);
  });

  it.each([
    ["Component", "  type: service\n  lifecycle: production", "spec.owner"],
    ["API", "  type: openapi\n  lifecycle: production\n  owner: team-a", "spec.definition"],
    ["System", "  domain: payments", "spec.owner"],
    ["Domain", "  subdomainOf: money", "spec.owner"],
    ["Resource", "  owner: team-a", "spec.type"],
    ["Group", "  children: []", "spec.type"],
  ])("a %s without a required spec field", async (kind, spec, field) => {
    const text = `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: x\nspec:\n${spec}\n`;
    const found = await errors(text);
    expect(found.length).toBeGreaterThan(0);
    if (field) expect(found.map((f) => f.message).join(" ")).toContain(field);
    expect(found[0]?.line).toBe(5);
  });

  it("a Location without its spec", async () => {
    const [f] = await errors(
      "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: x\n",
    );
    expect(f).toMatchObject({ path: "spec", message: "`spec` is required." });
  });

  it("a User whose memberOf is a string", async () => {
    const text =
      "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: jane\nspec:\n  memberOf: team-a\n";
    const [f] = await errors(text);
    expect(f).toMatchObject({ path: "spec.memberOf", line: 6, column: 3 });
    expect(f?.message).toMatch(/must be array/);
  });

  it("a template step without an action, and a v1beta2 template", async () => {
    const noAction = fixture("template.yaml").replace("      action: publish:github\n", "");
    const found = await errors(noAction);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.path).toMatch(/^spec\.steps\[1\]/);
    expect(found[0]?.line).toBe(44); // the step: `- id: publish`
    const v1beta2 = fixture("template.yaml").replace("v1beta3", "v1beta2");
    const [old] = await errors(v1beta2);
    expect(old).toMatchObject({ path: "apiVersion", line: 1 });
    expect(old?.message).toMatch(/scaffolder.backstage.io\/v1beta3/);
  });

  it("a template parameter with an invalid JSON Schema type", async () => {
    const bad = fixture("template.yaml").replace(
      "type: string\n          ui:field: OwnerPicker",
      "type: strin\n          ui:field: OwnerPicker",
    );
    const found = await errors(bad);
    expect(found.some((f) => f.path.startsWith("spec.parameters[0]"))).toBe(true);
  });

  it("an unknown kind, and a file with one invalid document among valid ones", async () => {
    const [f] = await errors(
      "apiVersion: backstage.io/v1alpha1\nkind: Service\nmetadata:\n  name: x\n",
    );
    expect(f).toMatchObject({ path: "kind", line: 2 });
    const mixed = `${fixture("catalog-all-kinds.yaml")}---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: bob\nspec:\n  memberOf: solo\n`;
    const result = await checkYaml(mixed);
    expect(result.valid).toBe(false);
    expect(result.findings[0]).toMatchObject({ path: "[9] spec.memberOf", line: 95 });
  });

  it("tabs, duplicate keys and bad indentation give the parser's position", async () => {
    expect((await errors("kind: Component\nmetadata:\n\tname: x\n"))[0]).toMatchObject({
      line: 3,
      column: 1,
    });
    const dup = await errors("kind: Component\nkind: API\n");
    expect(dup[0]).toMatchObject({ line: 2 });
    expect(dup[0]?.message).toMatch(/duplicated mapping key/);
    const indent = await errors("metadata:\n  name: x\n   title: y\n");
    expect(indent[0]?.line).toBe(3);
  });

  it("billion laughs, 5 MB and invalid UTF-8 are refused", async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [x, y] of ["ba", "cb", "dc", "ed", "fe", "gf", "hg", "ih"]) {
      lines.push(`${x}: &${x} [${Array(9).fill(`*${y}`).join(",")}]`);
    }
    const laughs = await errors(lines.join("\n"));
    expect(laughs[0]?.message).toMatch(/alias|expands/);
    const huge = await errors(`a: "${"x".repeat(5 * 1024 * 1024)}"\n`);
    expect(huge[0]?.message).toMatch(/limit is 256 KB/);
    const binary = await errors(new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xc3, 0x28]));
    expect(binary[0]?.message).toMatch(/not valid UTF-8/);
  });

  it("app-config: a missing backend.baseUrl, a wrong database client, an overlay is lenient", async () => {
    const found = await errors(
      "app:\n  baseUrl: http://localhost:3000\nbackend:\n  database:\n    client: postgres\n",
      { target: "app-config" },
    );
    expect(found.map((f) => f.path).sort()).toEqual(["backend.baseUrl", "backend.database.client"]);
    expect(found.find((f) => f.path === "backend.database.client")).toMatchObject({ line: 5 });
    expect(
      await errors("backend:\n  database:\n    client: pg\n", { target: "app-config-overlay" }),
    ).toEqual([]);
  });
});

describe("odd shapes never crash the checker", () => {
  it.each([
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  type: x\n",
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: just-a-string\n",
    "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec: [1, 2]\n",
    "kind: 42\n",
    "- a\n- b\n",
    "just text\n",
    "---\n---\n",
    "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\nspec:\n  parameters: 7\n  steps: {}\n",
  ])("%j gives findings, not an exception", async (text) => {
    const result = await checkYaml(text);
    expect(result.valid).toBe(false);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it("accepts every apiVersion the kind's own validator accepts", async () => {
    const system =
      "apiVersion: backstage.io/v1beta1\nkind: System\nmetadata:\n  name: s\nspec:\n  owner: a\n";
    expect((await checkYaml(system)).findings).toEqual([]);
  });
});

describe("rubric", () => {
  const rubric = [
    {
      path: "kind",
      equals: "Component",
      message: "It must be a Component.",
      severity: "error" as const,
    },
    {
      path: "spec.owner",
      ref: "group:team-payments",
      message: "Owned by team-payments.",
      severity: "error" as const,
    },
    {
      path: "spec.providesApis",
      containsRef: "api:payments-rest",
      message: "Provides payments-rest.",
      severity: "error" as const,
    },
    {
      path: 'metadata.annotations["github.com/project-slug"]',
      exists: true,
      message: "Slug.",
      severity: "warning" as const,
    },
  ];

  it("passes when every error item is met; warnings do not fail it", async () => {
    const text = component(`${goodSpec}\n  providesApis: [payments-rest]`);
    const result = await checkYaml(text, { rubric });
    expect(result.passed).toBe(true);
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: "warning", message: "Slug.", path: "metadata", line: 3 }),
    ]);
  });

  it("lists every unmet item at the nearest line", async () => {
    const text = component("  type: service\n  lifecycle: production\n  owner: group:team-search");
    const result = await checkYaml(text, { rubric });
    expect(result).toMatchObject({ valid: true, passed: false });
    expect(result.findings.map((f) => [f.message, f.line])).toEqual([
      ["Slug.", 3],
      ["Provides payments-rest.", 5],
      ["Owned by team-payments.", 8],
    ]);
  });
});
