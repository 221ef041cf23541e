import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  type Entity,
  type EntityPolicy,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  type KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from "@backstage/catalog-model";
import { templateEntityV1beta3Validator } from "@backstage/plugin-scaffolder-common";
import { Ajv } from "ajv";
import { appConfigIssues } from "./app-config";
import { entityRefIssues } from "./refs";
import { childPath } from "./yaml";

/**
 * Validation of parsed documents with the field's own rules:
 * - catalog entities with @backstage/catalog-model: the kind's own validator (which also decides
 *   which apiVersions the kind has) and the entity policies Backstage's catalog runs (default
 *   namespace, no foreign root fields, field formats, the envelope schema);
 * - Templates with @backstage/plugin-scaffolder-common's v1beta3 validator, and each
 *   `spec.parameters` step compiled as JSON Schema (ajv) so an invalid type is caught;
 * - app-config files against the documented structure of the keys drills use (./app-config).
 * Our own checks add what those validators let through: unknown kinds, and a message when the
 * kind's validator does not recognise the apiVersion. Each check runs on its own so that all
 * findings are listed. Pure.
 */

export type Issue = { path: string; message: string; docsUrl?: string };

const DESCRIPTOR_DOCS = "https://backstage.io/docs/features/software-catalog/descriptor-format";
const TEMPLATE_DOCS = "https://backstage.io/docs/features/software-templates/writing-templates";

/** Each kind's validator, the apiVersion to suggest when the validator refuses the given one. */
const KINDS: Record<string, { validator: KindValidator; apiVersion: string; anchor: string }> = {
  component: {
    validator: componentEntityV1alpha1Validator,
    apiVersion: "backstage.io/v1alpha1",
    anchor: "kind-component",
  },
  api: {
    validator: apiEntityV1alpha1Validator,
    apiVersion: "backstage.io/v1alpha1",
    anchor: "kind-api",
  },
  system: {
    validator: systemEntityV1alpha1Validator,
    apiVersion: "backstage.io/v1alpha1",
    anchor: "kind-system",
  },
  domain: {
    validator: domainEntityV1alpha1Validator,
    apiVersion: "backstage.io/v1alpha1",
    anchor: "kind-domain",
  },
  resource: {
    validator: resourceEntityV1alpha1Validator,
    apiVersion: "backstage.io/v1alpha1",
    anchor: "kind-resource",
  },
  group: {
    validator: groupEntityV1alpha1Validator,
    apiVersion: "backstage.io/v1alpha1",
    anchor: "kind-group",
  },
  user: {
    validator: userEntityV1alpha1Validator,
    apiVersion: "backstage.io/v1alpha1",
    anchor: "kind-user",
  },
  location: {
    validator: locationEntityV1alpha1Validator,
    apiVersion: "backstage.io/v1alpha1",
    anchor: "kind-location",
  },
  template: {
    validator: templateEntityV1beta3Validator,
    apiVersion: "scaffolder.backstage.io/v1beta3",
    anchor: "kind-template",
  },
};

const POLICIES: EntityPolicy[] = [
  new NoForeignRootFieldsEntityPolicy(),
  new SchemaValidEntityPolicy(),
  new FieldFormatEntityPolicy(),
];
const defaults = new DefaultNamespaceEntityPolicy();

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** `/spec/memberOf` → `spec.memberOf`. */
function pointerToPath(pointer: string): string {
  return pointer
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<string>((path, seg) => childPath(path, /^\d+$/.test(seg) ? Number(seg) : seg), "");
}

/** A catalog-model error message as a finding: its field path and a readable message. */
function fromMessage(raw: string, docsUrl: string): Issue {
  const message = raw.replace(/\s*To learn more about catalog file format.*$/s, "").trim();
  // Policy messages: `"metadata.name" is not valid; …` (labels and annotations without "metadata.")
  const quoted = message.match(/^"([^"]+)"/);
  if (quoted?.[1]) {
    const field = quoted[1];
    const m = field.match(/^(labels|annotations)\.(.+)$/);
    const path = m?.[1] && m[2] ? childPath(`metadata.${m[1]}`, m[2]) : field;
    return { path, message, docsUrl };
  }
  // `metadata.name must have a value`
  const leading = message.match(/^([a-zA-Z][\w.]*) (?:must|is|has) /);
  if (leading?.[1]) return { path: leading[1], message, docsUrl };
  // ajv messages: `/spec must have required property 'owner' - missingProperty: owner`
  const ajv = message.match(/^(?:Malformed envelope, )?(\/\S*|<root>) (.*?)(?: - \w+: .*)?$/);
  if (ajv?.[1] && ajv[2]) {
    const path = ajv[1] === "<root>" ? "" : pointerToPath(ajv[1]);
    const missing = ajv[2].match(/must have required property '([^']+)'/);
    const field = missing?.[1] ? childPath(path, missing[1]) : path;
    const text = missing?.[1]
      ? `\`${field}\` is required.`
      : `\`${path || "the document"}\` ${ajv[2]}.`;
    return { path: missing ? field : path, message: text, docsUrl };
  }
  return { path: "", message, docsUrl };
}

const SUBSTITUTIONS = ["$text", "$json", "$yaml"];

/**
 * Backstage replaces `{ $text: ./file }` (and `$json`, `$yaml`) with the file's content before
 * validating, so such a value stands in for a string ($text) or a structure ($json, $yaml).
 */
export function withSubstitutionsResolved(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSubstitutionsResolved);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const [only] = keys;
  if (
    keys.length === 1 &&
    only &&
    SUBSTITUTIONS.includes(only) &&
    typeof value[only] === "string"
  ) {
    return only === "$text" ? `(the text of ${String(value[only])})` : {};
  }
  return Object.fromEntries(keys.map((k) => [k, withSubstitutionsResolved(value[k])]));
}

async function entityIssues(input: Record<string, unknown>): Promise<Issue[]> {
  const doc = withSubstitutionsResolved(input) as Record<string, unknown>;
  const issues: Issue[] = [];
  const kind = typeof doc.kind === "string" ? doc.kind : "";
  const known = KINDS[kind.toLowerCase()];
  if (!known) {
    return [
      {
        path: "kind",
        message: kind
          ? `Unknown kind \`${kind}\`. The catalog's kinds are Component, API, System, Domain, Resource, Group, User, Location and Template.`
          : "`kind` is required: what sort of entity this is, e.g. Component.",
        docsUrl: DESCRIPTOR_DOCS,
      },
    ];
  }
  const docsUrl =
    kind.toLowerCase() === "template" ? TEMPLATE_DOCS : `${DESCRIPTOR_DOCS}#${known.anchor}`;
  const entity = doc as unknown as Entity;
  // The namespace default needs a metadata mapping; without one the schema checks below say so.
  const withDefaults = isRecord(doc.metadata)
    ? ((await defaults.enforce(entity)) ?? entity)
    : entity;
  // The kind's validator answers false when the apiVersion is not one of the kind's.
  try {
    if (!(await known.validator.check(withDefaults))) {
      issues.push({
        path: "apiVersion",
        message:
          doc.apiVersion === undefined
            ? `\`apiVersion\` is required; ${kind} uses ${known.apiVersion}.`
            : `\`${String(doc.apiVersion)}\` is not an apiVersion of ${kind}; use ${known.apiVersion}.`,
        docsUrl,
      });
    }
  } catch (error) {
    issues.push(fromMessage(error instanceof Error ? error.message : String(error), docsUrl));
  }
  for (const policy of POLICIES) {
    try {
      await policy.enforce(withDefaults);
    } catch (error) {
      issues.push(fromMessage(error instanceof Error ? error.message : String(error), docsUrl));
    }
  }
  for (const issue of entityRefIssues(doc)) issues.push({ ...issue, docsUrl });
  if (kind.toLowerCase() === "template") issues.push(...parameterIssues(doc));
  return dedupe(issues);
}

/** One finding per field: the policies and the kind validator often report the same one. */
function dedupe(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = i.path;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: true });

/** Each parameters step must be a JSON Schema that compiles (e.g. `type: strin` does not). */
function parameterIssues(doc: Record<string, unknown>): Issue[] {
  const spec = isRecord(doc.spec) ? doc.spec : {};
  const steps = spec.parameters;
  const list = Array.isArray(steps) ? steps : steps === undefined ? [] : [steps];
  const issues: Issue[] = [];
  list.forEach((step, i) => {
    const path = Array.isArray(steps) ? `spec.parameters[${i}]` : "spec.parameters";
    if (!isRecord(step)) return;
    if (!ajv.validateSchema(step)) {
      for (const e of ajv.errors ?? []) {
        const where = pointerToPath(e.instancePath);
        issues.push({
          path: where ? `${path}.${where}` : path,
          message: `Not a valid JSON Schema: ${where || "the step"} ${e.message ?? "is invalid"}.`,
          docsUrl: `${TEMPLATE_DOCS}#specparameters---formstep--formstep`,
        });
      }
    }
  });
  return issues;
}

export type Target = "catalog" | "template" | "app-config" | "app-config-overlay";

/** Whether a parsed document looks like an entity (apiVersion and kind) rather than app-config. */
export function looksLikeEntity(value: unknown): boolean {
  return isRecord(value) && ("apiVersion" in value || "kind" in value);
}

/** The issues of one document judged as `target`. */
export async function documentIssues(
  value: unknown,
  target: Target,
  options: { auto?: boolean } = {},
): Promise<Issue[]> {
  if (target === "app-config" || target === "app-config-overlay") {
    if (looksLikeEntity(value)) {
      return [
        {
          path: "",
          message:
            "This looks like a catalog entity (it has apiVersion/kind), not an app-config file.",
        },
      ];
    }
    return appConfigIssues(value, { requested: options.auto ? "auto" : target });
  }
  if (!isRecord(value)) {
    return [
      {
        path: "",
        message:
          value === null || value === undefined
            ? "This document is empty."
            : "A catalog entity is a mapping with apiVersion, kind, metadata and spec.",
        docsUrl: DESCRIPTOR_DOCS,
      },
    ];
  }
  const issues = await entityIssues(value);
  if (target === "template" && String(value.kind).toLowerCase() !== "template") {
    issues.unshift({
      path: "kind",
      message: "This drill asks for a Software Template: `kind: Template`.",
      docsUrl: TEMPLATE_DOCS,
    });
  }
  return issues;
}
