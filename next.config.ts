import type { NextConfig } from "next";

/** Headers for every response; the Content-Security-Policy (with a per-request nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  // The container image (Dockerfile) builds with PASSMARK_OUTPUT=standalone: a self-contained
  // server.js with only the traced node_modules. Other builds keep the usual output, which
  // `next start` (npm start, npm run cluster) serves; Next.js warns when it serves standalone.
  output: process.env.PASSMARK_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // The dev server would log every server action's arguments (passwords included).
  logging: { serverFunctions: false },
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
