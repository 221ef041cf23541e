import { Ajv, type ErrorObject } from "ajv";
import type { Issue } from "./validate";

/**
 * app-config.yaml checked against the documented structure of the keys the drills ask about
 * (a JSON Schema written from backstage.io's configuration docs; see ADR 0013 for why not
 * @backstage/config-loader). Unknown keys are allowed, as Backstage allows plugins' own keys.
 * Substitutions are accepted wherever a value may come from outside: `${VAR}` strings and
 * `$env`, `$file`, `$include` objects. A full file needs `app.baseUrl` and `backend.baseUrl`;
 * an overlay (e.g. app-config.production.yaml) may leave out whatever the base file sets. Pure.
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
const port = {
  anyOf: [{ type: "integer", minimum: 1, maximum: 65535 }, { type: "string" }, substitution],
};

function schema(overlay: boolean) {
  const required = (...keys: string[]) => (overlay ? {} : { required: keys });
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
              client: { enum: ["pg", "better-sqlite3", "sqlite3"] },
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
            ...required("client"),
          },
        },
        ...required("baseUrl"),
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
            additionalProperties: {
              type: "object",
              additionalProperties: {
                type: "object",
                properties: {
                  clientId: str,
                  clientSecret: str,
                  signIn: {
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
                  },
                },
              },
            },
          },
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
      permission: { type: "object", properties: { enabled: { type: "boolean" } } },
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

const ajv = new Ajv({ strict: false, allErrors: true });
const validators = { full: ajv.compile(schema(false)), overlay: ajv.compile(schema(true)) };

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

export function appConfigIssues(value: unknown, options: { overlay: boolean }): Issue[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [
      { path: "", message: "app-config is a mapping of settings, e.g. `app:` and `backend:`." },
    ];
  }
  const validate = options.overlay ? validators.overlay : validators.full;
  if (validate(value)) return [];
  // anyOf failures repeat the inner errors: keep the most specific one per path.
  // The check shows at most MAX_FINDINGS: converting thousands of errors would be wasted work.
  const byPath = new Map<string, Issue>();
  for (const e of validate.errors ?? []) {
    if (byPath.size > MAX_ISSUES) break;
    if (e.keyword === "anyOf") continue;
    const issue = toIssue(e);
    if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
  }
  return [...byPath.values()];
}
