/**
 * A bounded memo of verified session tokens → user id. Decrypting a next-auth JWE derives its
 * key with HKDF and runs AES-GCM on every call; a candidate sends the same cookie with every
 * answer, so the hot path remembers what the token said. Only tokens that decrypted and verified
 * are remembered (keyed by the full token string, so a changed token is a miss), never past
 * their `exp`. Pure: the clock is passed in.
 */
export type VerifiedToken = {
  userId: string /** ms since epoch; null when the token has no exp */;
  expiresAt: number | null;
};

export class TokenCache {
  private readonly entries = new Map<string, VerifiedToken>();
  constructor(private readonly capacity: number = 5_000) {}

  get(token: string, nowMs: number): string | null {
    const hit = this.entries.get(token);
    if (!hit) return null;
    if (hit.expiresAt !== null && nowMs >= hit.expiresAt) {
      this.entries.delete(token);
      return null;
    }
    return hit.userId;
  }

  set(token: string, value: VerifiedToken): void {
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
