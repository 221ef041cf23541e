/**
 * A same-origin path from an untrusted value (a `callbackUrl` parameter, a server's JSON), or
 * null. The value is resolved the way a browser resolves it, against a placeholder origin, and
 * accepted only when it stays on that origin: `//host`, `/\host`, a tab or a newline inside
 * `//` (browsers drop them), encoded or full-width tricks and `javascript:` all fail. The path
 * returned is the parser's own, percent-encoded form, so it is always a valid header value.
 * Pure; safe in the browser too.
 */
const PLACEHOLDER = "http://same-origin.invalid";

export function sameOriginPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/%2F%2Fhost` stays a path here, but some servers decode it before redirecting: refuse.
  return /^\/(?:%2f|%5c|\\|\/)/i.test(path) ? null : path;
}
