import { describe, expect, it } from "vitest";
import { checkYaml } from "./check";

/**
 * Issue 17's three defect classes, each with accepted real shapes and rejected broken ones.
 * Each test failed before its fix (flat providers were read as environments; `group:` passed the
 * kinds' validators; a base file without backend.database was accepted).
 */

const errors = async (text: string, target?: Parameters<typeof checkYaml>[1]) =>
  (await checkYaml(text, target)).findings.filter((f) => f.severity === "error");

describe("auth providers have their documented shapes", () => {
  it("the guest provider is flat: userEntityRef, ownershipEntityRefs, dangerouslyAllowOutsideDevelopment", async () => {
    const text = [
      "auth:",
      "  providers:",
      "    guest:",
      "      userEntityRef: user:default/guest",
      "      ownershipEntityRefs: [group:default/guests]",
      "      dangerouslyAllowOutsideDevelopment: true",
      "",
    ].join("\n");
    expect(await errors(text)).toEqual([]);
    expect(await errors(text, { target: "app-config-overlay" })).toEqual([]);
    expect(await errors("auth:\n  providers:\n    guest: {}\n")).toEqual([]);
  });

  it("proxy providers are flat too, and an unknown provider may take either shape", async () => {
    const text =
      "auth:\n  providers:\n    gcpIap:\n      audience: /projects/1/global/backendServices/2\n      signIn:\n        resolvers:\n          - resolver: emailMatchingUserEntityProfileEmail\n    myCorpSso:\n      issuer: https://sso.example.com\n";
    expect(await errors(text)).toEqual([]);
  });

  it("OAuth providers are keyed by environment; flat settings are refused where they stand", async () => {
    const good =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Backstage ${VAR} substitution
      "auth:\n  environment: production\n  providers:\n    github:\n      production:\n        clientId: ${AUTH_GITHUB_CLIENT_ID}\n        clientSecret: ${AUTH_GITHUB_CLIENT_SECRET}\n";
    expect(await errors(good)).toEqual([]);
    const flat = "auth:\n  providers:\n    github:\n      clientId: abc\n      clientSecret: def\n";
    const found = await errors(flat);
    expect(found.map((f) => [f.path, f.line])).toEqual([
      ["auth.providers.github.clientId", 4],
      ["auth.providers.github.clientSecret", 5],
    ]);
    expect(found[0]?.message).toMatch(/per auth environment/);
  });

  it("a guest setting of the wrong type is still refused", async () => {
    const [f] = await errors(
      "auth:\n  providers:\n    guest:\n      dangerouslyAllowOutsideDevelopment: sometimes\n",
    );
    expect(f).toMatchObject({
      path: "auth.providers.guest.dangerouslyAllowOutsideDevelopment",
      line: 4,
    });
  });

  it("booleans are read as Backstage reads them: yes/on/1 are true, a word that is neither is refused", async () => {
    for (const v of ["true", '"yes"', "on", "1", "'off'"]) {
      expect(await errors(`permission:\n  enabled: ${v}\n`)).toEqual([]);
    }
    const [f] = await errors("permission:\n  enabled: maybe\n");
    expect(f).toMatchObject({ path: "permission.enabled", line: 2 });
  });
});

const entity = (kind: string, spec: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: x\nspec:\n${spec}\n`;

describe("every entity reference names an entity", () => {
  it.each([
    ["Component", "  type: service\n  lifecycle: production\n  owner: 'group:'", "spec.owner", 8],
    [
      "Component",
      "  type: service\n  lifecycle: production\n  owner: a\n  system: 'system:'",
      "spec.system",
      9,
    ],
    [
      "Component",
      "  type: service\n  lifecycle: production\n  owner: a\n  subcomponentOf: 'default/'",
      "spec.subcomponentOf",
      9,
    ],
    [
      "Component",
      "  type: service\n  lifecycle: production\n  owner: a\n  providesApis: [ok, 'api:']",
      "spec.providesApis[1]",
      9,
    ],
    [
      "Component",
      "  type: service\n  lifecycle: production\n  owner: a\n  consumesApis: ['api:default/']",
      "spec.consumesApis[0]",
      9,
    ],
    [
      "Component",
      "  type: service\n  lifecycle: production\n  owner: a\n  dependsOn:\n    - resource:db\n    - 'resource:'",
      "spec.dependsOn[1]",
      11,
    ],
    [
      "Resource",
      "  type: database\n  owner: a\n  dependencyOf: ['component:']",
      "spec.dependencyOf[0]",
      8,
    ],
    ["System", "  owner: a\n  domain: 'domain:'", "spec.domain", 7],
    ["Domain", "  owner: a\n  subdomainOf: 'domain:'", "spec.subdomainOf", 7],
    ["Group", "  type: team\n  children: []\n  parent: 'group:'", "spec.parent", 8],
    ["Group", "  type: team\n  children: ['group:']", "spec.children[0]", 7],
    ["Group", "  type: team\n  children: []\n  members: ['user:']", "spec.members[0]", 8],
    ["User", "  memberOf: [team-a, 'group:']", "spec.memberOf[1]", 6],
    ["Location", "  targets: ['./a.yaml', '']", "spec.targets[1]", 6],
  ])("%s: an empty reference is refused at its line", async (kind, spec, path, line) => {
    const found = await errors(entity(kind, spec));
    expect(found.map((f) => [f.path, f.line])).toContainEqual([path, line]);
  });

  it("references with a kind, a namespace or neither are accepted", async () => {
    const text = entity(
      "Component",
      "  type: service\n  lifecycle: production\n  owner: user:default/jane\n  system: payments\n  providesApis: [api:finance/ledger]\n  dependsOn: [resource:db, component:auth]",
    );
    expect(await errors(text)).toEqual([]);
  });
});

const base = (database: string) =>
  `app:\n  baseUrl: http://localhost:3000\nbackend:\n  baseUrl: http://localhost:7007\n  listen:\n    port: 7007\n${database}organization:\n  name: ACME\ncatalog:\n  locations: []\n`;

describe("a complete base app-config must be able to start a backend", () => {
  it("without backend.database it is refused, and the finding says how the file was judged", async () => {
    for (const target of [undefined, { target: "app-config" as const }]) {
      const [f] = await errors(base(""), target);
      expect(f).toMatchObject({ path: "backend.database", line: 3 });
      expect(f?.message).toMatch(/Judged as a complete base config/);
    }
  });

  it("with a database it passes; a database without a connection is refused", async () => {
    expect(
      await errors(base("  database:\n    client: better-sqlite3\n    connection: ':memory:'\n")),
    ).toEqual([]);
    const [f] = await errors(base("  database:\n    client: pg\n"));
    expect(f).toMatchObject({ path: "backend.database.connection", line: 7 });
  });

  it("an overlay is judged leniently, and says so", async () => {
    expect(await errors("backend:\n  baseUrl: https://backstage.example.com\n")).toEqual([]);
    // A real app-config.development.yaml: it moves the ports, it does not start a backend alone.
    const ports =
      "app:\n  baseUrl: http://0.0.0.0:3000\nbackend:\n  baseUrl: http://localhost:7000\n  listen:\n    port: 7000\n  cors:\n    origin: http://localhost:3000\n";
    expect(await errors(ports)).toEqual([]);
    expect(await errors(base(""), { target: "app-config-overlay" })).toEqual([]);
    const [f] = await errors("techdocs:\n  builder: remote\n");
    expect(f?.message).toMatch(/Judged as an overlay/);
  });
});
