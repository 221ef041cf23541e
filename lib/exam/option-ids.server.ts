import { authSecret } from "@/lib/auth/options.server";
import { optionIdCodec, optionIdSecret } from "./option-ids";

/** The option-id codec of one attempt, keyed by the app's secret (see option-ids.ts). */
export function attemptOptionIds(attemptId: string) {
  const secret = authSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: option ids cannot be made.");
  return optionIdCodec(optionIdSecret(secret), attemptId);
}
