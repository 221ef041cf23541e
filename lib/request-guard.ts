/**
 * Requests that Next.js itself would answer with a 500, refused early with a 4xx by proxy.ts.
 * Pure. What cannot be caught here (a server-action body that is malformed inside, or one sent
 * chunked without a length) is documented in docs/decisions/0007-threat-model.md.
 */

/** Next.js refuses server-action bodies over 1 MB (its default `bodySizeLimit`) with a 500. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type Refusal = { status: 400 | 413; message: string };

export function frameworkRequestProblem(
  method: string,
  headers: Pick<Headers, "get">,
): Refusal | null {
  const tree = headers.get("next-router-state-tree");
  if (tree !== null && !isRouterStateTree(tree)) {
    return { status: 400, message: "Malformed router state header." };
  }
  const action = headers.get("next-action");
  if (method === "POST" && action !== null) {
    if (!/^[0-9a-f]{2,64}$/i.test(action)) {
      return { status: 400, message: "Malformed server action id." };
    }
    const length = Number(headers.get("content-length") ?? "0");
    if (!Number.isFinite(length) || length > ACTION_BODY_LIMIT) {
      return { status: 413, message: "The form is too large." };
    }
  }
  return null;
}

function isRouterStateTree(value: string): boolean {
  if (value.length > 16_384) return false;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    return Array.isArray(parsed) && parsed.length >= 2;
  } catch {
    return false;
  }
}
