import { parseEntityRef } from "@backstage/catalog-model";
import { childPath } from "./yaml";

/**
 * Entity references in a descriptor's spec: each must parse with the catalog's parseEntityRef,
 * using the field's default kind (descriptor-format docs), and name an entity. The kinds'
 * validators only ask for a non-empty string, so `owner: "group:"` (a kind, no name) used to
 * pass although the catalog cannot resolve it. Location targets are URLs or paths, not refs:
 * they must be non-empty. Pure.
 */

export type RefIssue = { path: string; message: string };

/**
 * Field → the kind assumed when the reference leaves it out. dependsOn and dependencyOf have no
 * documented default (the docs' own example, `artists-db`, omits it), so only the name is
 * checked there: parsed as if Component.
 */
const REF_FIELDS: Record<string, string> = {
  owner: "Group",
  system: "System",
  domain: "Domain",
  subcomponentOf: "Component",
  subdomainOf: "Domain",
  partOf: "System",
  parent: "Group",
  dependsOn: "Component",
  dependencyOf: "Component",
  providesApis: "API",
  consumesApis: "API",
  memberOf: "Group",
  children: "Group",
  members: "User",
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Why `ref` is not a usable reference, or null when it is. */
export function refProblem(ref: string, defaultKind: string, namespace: string): string | null {
  if (ref.trim() === "") return "is empty";
  try {
    const parsed = parseEntityRef(ref, { defaultKind, defaultNamespace: namespace });
    if (!parsed.name) return "names no entity";
    return null;
  } catch {
    const colon = ref.indexOf(":");
    if (ref.endsWith(":")) return `gives the kind \`${ref.slice(0, colon)}\` but no name`;
    if (ref.endsWith("/")) return "gives a namespace but no name";
    return "is not of the form [<kind>:][<namespace>/]<name>";
  }
}

/** The reference problems of one entity's spec (fields of other types are the schema's job). */
export function entityRefIssues(entity: Record<string, unknown>): RefIssue[] {
  const spec = entity.spec;
  if (!isRecord(spec)) return [];
  const meta = isRecord(entity.metadata) ? entity.metadata : {};
  const namespace =
    typeof meta.namespace === "string" && meta.namespace ? meta.namespace : "default";
  const issues: RefIssue[] = [];
  const check = (path: string, ref: unknown, defaultKind: string) => {
    if (typeof ref !== "string") return;
    const problem = refProblem(ref, defaultKind, namespace);
    if (!problem) return;
    const example = ` (e.g. \`${defaultKind.toLowerCase()}:my-name\` or \`my-name\`)`;
    issues.push({
      path,
      message: `\`${path}\` must be an entity reference: ${JSON.stringify(ref)} ${problem}${example}.`,
    });
  };
  for (const [field, defaultKind] of Object.entries(REF_FIELDS)) {
    const value = spec[field];
    const path = childPath("spec", field);
    if (!Array.isArray(value)) check(path, value, defaultKind);
    else for (const [i, ref] of value.entries()) check(childPath(path, i), ref, defaultKind);
  }
  if (String(entity.kind).toLowerCase() === "location") {
    const targets = spec.targets;
    const list: [string, unknown][] = Array.isArray(targets)
      ? targets.map((t, i) => [childPath("spec.targets", i), t])
      : [];
    if (spec.target !== undefined) list.push(["spec.target", spec.target]);
    for (const [path, target] of list) {
      if (typeof target === "string" && target.trim() === "") {
        issues.push({
          path,
          message: `\`${path}\` is empty: give a URL or a path to a descriptor file.`,
        });
      }
    }
  }
  return issues;
}
