import { Ajv, type ErrorObject } from "ajv";
import type { Issue } from "./validate";

/**
 * app-config.yaml checked against the documented structure of the keys the drills ask about
 * (a JSON Schema written from backstage.io's configuration docs; see ADR 0013 for why not
 * @backstage/config-loader). Unknown keys are allowed, as Backstage allows plugins' own keys.
 * Substitutions are accepted wherever a value may come from outside: `${VAR}` strings and
 * `$env`, `$file`, `$include` objects. Booleans are read as Backstage's ConfigReader reads them.
 * Auth providers have their documented shapes: OAuth providers per environment, the guest and
 * proxy providers flat. How much a file must hold depends on how it is judged (judgeAppConfig):
 * a complete base file, a whole file a drill asks for, or an overlay. Pure.
 */

/** More issues than a check can show (check.ts MAX_FINDINGS is 200). */
export const MAX_ISSUES = 200;

const CONFIG_DOCS = "https://backstage.io/docs/conf/writing";

const substitution = {
  type: "object",
  minProperties: 1,
  maxProperties: 1,
  properties: {
    $env: { type: "string" },
    $file: { type: "string" },
    $include: { type: "string" },
  },
  additionalProperties: false,
} as const;
const str = { anyOf: [{ type: "string" }, substitution] } as const;
/**
 * A boolean as Backstage's ConfigReader reads it: true/false, or a string or number matching
 * y|yes|true|1|on or n|no|false|0|off (any case, trimmed). So `enabled: "yes"` is true.
 */
const BOOL_WORDS = ["y", "yes", "true", "1", "on", "n", "no", "false", "0", "off"];
const caseless = (w: string) =>
  [...w].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join("");
const bool = {
  anyOf: [
    { type: "boolean" },
    { type: "string", pattern: `^\\s*(?:${BOOL_WORDS.map(caseless).join("|")})\\s*$` },
    { enum: [0, 1] },
    substitution,
  ],
} as const;
const port = {
  anyOf: [{ type: "integer", minimum: 1, maximum: 65535 }, { type: "string" }, substitution],
};

const signIn = {
  type: "object",
  properties: {
    resolvers: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        properties: { resolver: { type: "string" } },
        required: ["resolver"],
      },
    },
  },
  required: ["resolvers"],
} as const;

/** OAuth providers: settings per auth environment (`github.development.clientId`). */
export const OAUTH_PROVIDERS = [
  "github",
  "gitlab",
  "google",
  "microsoft",
  "okta",
  "oauth2",
  "oidc",
  "onelogin",
  "bitbucket",
  "bitbucketServer",
  "atlassian",
  "auth0",
];
/** Providers that read their settings directly (proxy and guest providers). */
export const FLAT_PROVIDERS = ["gcpIap", "awsalb", "cfaccess", "oauth2Proxy", "azureEasyAuth"];

const envKeyedProvider = {
  type: "object",
  additionalProperties: {
    type: "object",
    properties: { clientId: str, clientSecret: str, signIn },
  },
} as const;
const flatProvider = { type: "object", properties: { signIn } } as const;
const guestProvider = {
  type: "object",
  properties: {
    userEntityRef: str,
    ownershipEntityRefs: { type: "array", items: str },
    dangerouslyAllowOutsideDevelopment: bool,
  },
} as const;

/**
 * How a file is judged:
 * - overlay: nothing is required (the file is merged over a base file);
 * - full: a whole file as a drill asks: app.baseUrl and backend.baseUrl;
 * - base: a file that can start a backend on its own: also backend.listen and backend.database
 *   with its client and connection.
 */
export type AppConfigMode = "base" | "full" | "overlay";

function schema(mode: AppConfigMode) {
  const required = (...keys: string[]) => (mode === "overlay" ? {} : { required: keys });
  const base = (...keys: string[]) => (mode === "base" ? keys : []);
  return {
    type: "object",
    properties: {
      app: {
        type: "object",
        properties: { baseUrl: str, title: str },
        ...required("baseUrl"),
      },
      backend: {
        type: "object",
        properties: {
          baseUrl: str,
          listen: {
            anyOf: [{ type: "string" }, { type: "object", properties: { port, host: str } }],
          },
          cors: { type: "object", properties: { origin: { anyOf: [str, { type: "array" }] } } },
          database: {
            type: "object",
            properties: {
              client: { enum: ["pg", "better-sqlite3", "sqlite3", "mysql", "mysql2"] },
              connection: {
                anyOf: [
                  str,
                  {
                    type: "object",
                    properties: {
                      host: str,
                      port,
                      user: str,
                      password: str,
                      database: str,
                    },
                  },
                ],
              },
            },
            ...required("client", ...base("connection")),
          },
        },
        ...required("baseUrl", ...base("listen", "database")),
      },
      catalog: {
        type: "object",
        properties: {
          rules: { type: "array", items: { $ref: "#/$defs/rule" } },
          locations: {
            type: "array",
            items: {
              type: "object",
              properties: {
                type: { enum: ["file", "url"] },
                target: str,
                rules: { type: "array", items: { $ref: "#/$defs/rule" } },
              },
              required: ["type", "target"],
            },
          },
        },
      },
      auth: {
        type: "object",
        properties: {
          environment: str,
          providers: {
            type: "object",
            properties: Object.fromEntries([
              ...OAUTH_PROVIDERS.map((p) => [p, envKeyedProvider]),
              ...FLAT_PROVIDERS.map((p) => [p, flatProvider]),
              ["guest", guestProvider],
            ]),
            // Another provider: either shape (its module's docs decide).
            additionalProperties: { type: "object" },
          },
          session: { type: "object", properties: { secret: str } },
        },
      },
      techdocs: {
        type: "object",
        properties: {
          builder: { enum: ["local", "external"] },
          generator: { type: "object", properties: { runIn: { enum: ["docker", "local"] } } },
          publisher: {
            type: "object",
            properties: {
              type: {
                enum: ["local", "googleGcs", "awsS3", "azureBlobStorage", "openStackSwift"],
              },
            },
            required: ["type"],
          },
        },
      },
      permission: { type: "object", properties: { enabled: bool } },
      integrations: {
        type: "object",
        additionalProperties: {
          type: "array",
          items: { type: "object", properties: { host: str, token: str } },
        },
      },
    },
    ...required("app", "backend"),
    $defs: {
      rule: {
        type: "object",
        properties: { allow: { type: "array", items: { type: "string" }, minItems: 1 } },
        required: ["allow"],
      },
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const ajv = new Ajv({ strict: false, allErrors: true });
const ajvFirst = new Ajv({ strict: false, allErrors: false });
const MODES = ["base", "full", "overlay"] as const;
/** Every error, for the findings; run on a pruned copy (see pruned). */
const validators = Object.fromEntries(MODES.map((m) => [m, ajv.compile(schema(m))])) as Record<
  AppConfigMode,
  ReturnType<typeof ajv.compile>
>;
/** Stops at the first error: the verdict, on the whole value. */
const verdicts = Object.fromEntries(MODES.map((m) => [m, ajvFirst.compile(schema(m))])) as Record<
  AppConfigMode,
  ReturnType<typeof ajv.compile>
>;

/**
 * A copy whose lists keep at most MAX_ISSUES + 1 items: more could only produce findings past
 * the cap, and producing tens of thousands of ajv errors is what made a 256 KB file slow.
 */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, MAX_ISSUES + 1).map(pruned);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pruned(v)]));
}

/** Top-level sections a base file carries besides app and backend; overlays rarely repeat them. */
const BASE_SECTIONS = [
  "organization",
  "catalog",
  "integrations",
  "techdocs",
  "auth",
  "proxy",
  "scaffolder",
  "permission",
  "kubernetes",
  "search",
];

/**
 * The rule that tells a base file from an overlay (ADR 0008): a file that sets both
 * `backend.baseUrl` and `backend.listen`, and at least two of BASE_SECTIONS, is clearly a whole
 * app-config meant to start a backend, so it is judged as a complete base config whatever was
 * asked (unless a drill asks for an overlay). Real overlays such as an app-config.development.yaml
 * that only moves the ports set baseUrl and listen too, which is why those two alone are not
 * enough. Otherwise a drill's `app-config` target judges the file as a whole file, and a file
 * checked without a target (the CLI) as an overlay.
 */
export function judgeAppConfig(
  value: unknown,
  requested: "app-config" | "app-config-overlay" | "auto",
): { mode: AppConfigMode; reason: string } {
  if (requested === "app-config-overlay") {
    return { mode: "overlay", reason: "Judged as an overlay, as the drill asks." };
  }
  const backend = isRecord(value) && isRecord(value.backend) ? value.backend : {};
  const sections = isRecord(value) ? BASE_SECTIONS.filter((k) => k in value) : [];
  if (backend.baseUrl !== undefined && backend.listen !== undefined && sections.length >= 2) {
    return {
      mode: "base",
      reason: `Judged as a complete base config: it sets backend.baseUrl, backend.listen and ${sections.slice(0, 3).join(", ")}, so it must start a backend on its own.`,
    };
  }
  if (requested === "app-config") {
    return { mode: "full", reason: "Judged as a whole app-config file, as the drill asks." };
  }
  return {
    mode: "overlay",
    reason:
      "Judged as an overlay (a base file sets backend.baseUrl, backend.listen and sections such as catalog or auth), so it is read as merged over a base file.",
  };
}

function toIssue(e: ErrorObject): Issue {
  const path = e.instancePath
    .split("/")
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
    .join("")
    .replace(/^\./, "")
    .replace(/\.\[/g, "[");
  if (e.keyword === "required") {
    const missing = String((e.params as { missingProperty?: string }).missingProperty);
    const field = path ? `${path}.${missing}` : missing;
    return { path: field, message: `\`${field}\` is required.`, docsUrl: CONFIG_DOCS };
  }
  if (e.keyword === "type" && (e.params as { type?: string }).type === "boolean") {
    return {
      path,
      message: `\`${path}\` must be true or false (Backstage also reads yes/no, on/off and 1/0).`,
      docsUrl: CONFIG_DOCS,
    };
  }
  if (e.keyword === "enum") {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return {
      path,
      message: `\`${path}\` must be one of: ${allowed.map(String).join(", ")}.`,
      docsUrl: CONFIG_DOCS,
    };
  }
  return {
    path,
    message: `\`${path || "the file"}\` ${e.message ?? "is invalid"}.`,
    docsUrl: CONFIG_DOCS,
  };
}

/** `auth.providers.github.clientId` given flat: say where it belongs. */
function providerShapeIssue(e: ErrorObject, issue: Issue): Issue {
  const m = issue.path.match(/^auth\.providers\.(\w+)\.([^.[]+)$/);
  if (!m?.[1] || !m[2] || e.keyword !== "type" || !OAUTH_PROVIDERS.includes(m[1])) return issue;
  return {
    ...issue,
    message: `\`auth.providers.${m[1]}\` holds one block of settings per auth environment (e.g. \`development:\`), so \`${m[2]}\` must be an environment; move the settings under \`auth.providers.${m[1]}.development\` (or the environment you use).`,
  };
}

export function appConfigIssues(
  value: unknown,
  options: { requested: "app-config" | "app-config-overlay" | "auto" },
): Issue[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [
      { path: "", message: "app-config is a mapping of settings, e.g. `app:` and `backend:`." },
    ];
  }
  const { mode, reason } = judgeAppConfig(value, options.requested);
  const verdict = verdicts[mode];
  if (verdict(value)) return [];
  // Invalid: list the errors of the pruned copy, or the first error if they all lie past it.
  const validate = validators[mode];
  const errors = validate(pruned(value)) ? (verdict.errors ?? []) : (validate.errors ?? []);
  // anyOf failures repeat the inner errors: keep the most specific one per path.
  // The check shows at most MAX_FINDINGS: converting thousands of errors would be wasted work.
  const byPath = new Map<string, Issue>();
  for (const e of errors) {
    if (byPath.size > MAX_ISSUES) break;
    if (e.keyword === "anyOf") continue;
    const issue = providerShapeIssue(e, toIssue(e));
    if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
  }
  return [...byPath.values()].map((i) => ({ ...i, message: `${i.message} ${reason}` }));
}
