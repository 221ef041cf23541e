import "server-only";
import type { z } from "zod";
import { getSessionUserId } from "@/lib/auth/session.server";

/**
 * Headers of every API JSON response. They are per-user and never cached; and `no-transform`
 * keeps Next.js from gzipping them: it cannot see the length of a route handler's body, so it
 * would start a gzip stream (and its ~300 KB of zlib state) for each of these few-byte answers,
 * which cost the answer-saving path more CPU than saving the answer.
 */
const API_HEADERS = { "Cache-Control": "no-store, no-transform" };

/** A JSON API response (see API_HEADERS). */
export function jsonOk(body: unknown, status = 200) {
  return Response.json(body, { status, headers: API_HEADERS });
}

/** JSON error responses with a plain message; never a stack trace. */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}) {
  return jsonOk({ error, ...extra }, status);
}

/** The signed-in user's id, or a 401 response. */
export async function apiUserId(): Promise<string | Response> {
  const id = await getSessionUserId();
  return id ?? jsonError(401, "Sign in to continue.");
}

/** The app's own origin: NEXTAUTH_URL's, else the one the request was addressed to. */
function appOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {}
  }
  return new URL(request.url).origin;
}

/**
 * The cross-site guard of every mutating route handler (server actions get Next.js's own Origin
 * check). A browser always sends `Origin` with a POST: one from another origin (another port of
 * the same site included) is refused, and so is a body that is not JSON, which a plain HTML form
 * on another site could otherwise send (`text/plain` needs no CORS preflight). Returns a 403
 * response, or null when the request may proceed.
 */
export function guardMutation(request: Request, options: { body?: boolean } = {}) {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (
    (origin !== null && origin !== appOrigin(request)) ||
    site === "cross-site" ||
    site === "same-site"
  ) {
    return jsonError(
      403,
      "Cross-site request refused: this action must come from Passmark's own pages.",
    );
  }
  if (options.body !== false) {
    const type = request.headers.get("content-type") ?? "";
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return jsonError(403, "Requests must send a JSON body (Content-Type: application/json).");
    }
  }
  return null;
}

/** Bodies larger than this are refused while being read (413), before any parsing. */
export const MAX_BODY_BYTES = 512 * 1024;

/** The body as text, reading at most `limit` bytes; null when it is larger. */
export async function readBodyLimited(request: Request, limit = MAX_BODY_BYTES) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Parses a JSON body (at most `limit` bytes) with a zod schema: 413 when too large, 400 with the
 * first problem when malformed.
 */
export async function parseBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  limit = MAX_BODY_BYTES,
): Promise<z.infer<T> | Response> {
  let raw: unknown;
  try {
    const text = await readBodyLimited(request, limit);
    if (text === null) return jsonError(413, `The request body is larger than ${limit} bytes.`);
    raw = JSON.parse(text);
  } catch {
    return jsonError(400, "The request body must be JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return jsonError(400, `Invalid request: ${where}${issue?.message ?? "malformed"}`);
  }
  return parsed.data;
}
