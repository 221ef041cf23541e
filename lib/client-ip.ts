/**
 * The client's address, as decided from the TCP connection by the server process itself
 * (scripts/server-preload.cjs, with proxy-addr and the TRUST_PROXY setting), never from a header a
 * client can set: the process overwrites this header on every request. "unknown" when the app
 * runs without that preload (it then shares one rate-limit bucket, which is safe but strict).
 */
export const CLIENT_IP_HEADER = "x-passmark-client-ip";

export function clientIp(headers: Pick<Headers, "get">): string {
  return headers.get(CLIENT_IP_HEADER)?.trim() || "unknown";
}
