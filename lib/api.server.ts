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

/** Parses a JSON body with a zod schema, or answers 400 with the first problem. */
export async function parseBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.infer<T> | Response> {
  let raw: unknown;
  try {
    raw = await request.json();
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
