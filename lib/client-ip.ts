/**
 * The client's address as seen by the first proxy: the first X-Forwarded-For entry (Next.js
 * sets it from the socket when no proxy did), then X-Real-IP. Pure.
 */
export function clientIp(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
