/**
 * Start-up checks of the machine and the production settings. Pure: each returns a message
 * that says what to do, or null.
 */

/** Prisma 7 and the scripts need Node.js 20.19 or later (require(esm) without a flag). */
export const NODE_MIN = [20, 19] as const;

export function nodeVersionProblem(version: string): string | null {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [wantMajor, wantMinor] = NODE_MIN;
  if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) return null;
  return `Passmark needs Node.js ${wantMajor}.${wantMinor} or later (this is ${version}): Prisma 7 requires it. Install a newer Node.js, e.g. with nvm: nvm install 22.`;
}

/** 32 bytes of randomness, the least a signing secret should carry. */
export const SECRET_MIN_LENGTH = 32;

/**
 * Production refuses to start without a strong secret, or on plain http unless it is told this
 * is local use (PASSMARK_ALLOW_HTTP=1): session cookies are only `Secure` over https.
 */
export function productionSettingsProblem(env: Record<string, string | undefined>): string | null {
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (!secret) {
    return "NEXTAUTH_SECRET is not set. Production needs a secret: e.g. export NEXTAUTH_SECRET=$(openssl rand -base64 32)";
  }
  if (secret.length < SECRET_MIN_LENGTH || new Set(secret).size < 10) {
    return `NEXTAUTH_SECRET is too weak: use at least ${SECRET_MIN_LENGTH} random characters, e.g. $(openssl rand -base64 32).`;
  }
  const url = env.NEXTAUTH_URL;
  if (!url) {
    return "NEXTAUTH_URL is not set. Set it to the https address people use, e.g. https://passmark.example.org";
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `NEXTAUTH_URL is not a URL: ${url}`;
  }
  if (parsed.protocol !== "https:" && env.PASSMARK_ALLOW_HTTP !== "1") {
    return `NEXTAUTH_URL must use https in production (it is ${parsed.origin}). For local use only, set PASSMARK_ALLOW_HTTP=1.`;
  }
  return null;
}
