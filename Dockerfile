# syntax=docker/dockerfile:1
# Passmark's container image: multi-stage, Next.js standalone output, non-root, with a health
# check. Two targets:
#   docker build -t passmark .                      the app (default, last stage)
#   docker build --target prepare -t passmark-prepare .   migrations + question mirror, run once
# compose.yaml builds and wires both. Nothing secret is baked in: NEXTAUTH_SECRET, NEXTAUTH_URL
# and DATABASE_URL come from the environment at run time.

ARG NODE_IMAGE=node:22-bookworm-slim

# ---- dependencies (with dev dependencies: the build needs them) --------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall generates the Prisma client from the schema.
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --no-audit --no-fund

# ---- build -------------------------------------------------------------------------------------
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 PASSMARK_OUTPUT=standalone
RUN npm run build

# ---- prepare: migrations, question mirror, regrades (one-shot job) -----------------------------
FROM build AS prepare
USER node
CMD ["node", "--import", "tsx", "deploy/prepare.ts"]

# ---- runtime -----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
# The standalone server with only the traced node_modules, plus what it reads at run time: static
# assets, the question bank (content/), the migrations (for the readiness check), and the
# preloads (client address, graceful drain, request log) with the one package they add.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/content ./content
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
COPY --from=build --chown=node:node /app/scripts/server-preload.cjs /app/scripts/graceful-shutdown.cjs /app/scripts/request-log.cjs ./scripts/
COPY --from=build --chown=node:node /app/node_modules/proxy-addr ./node_modules/proxy-addr
COPY --from=build --chown=node:node /app/node_modules/forwarded ./node_modules/forwarded
COPY --from=build --chown=node:node /app/node_modules/ipaddr.js ./node_modules/ipaddr.js
USER node
EXPOSE 3000
# Ready = the database answers, migrations are applied, and the process is not draining.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains in-flight requests for up to SHUTDOWN_GRACE_MS (10 s): keep the orchestrator's
# stop timeout above it (compose.yaml: stop_grace_period 15s).
STOPSIGNAL SIGTERM
CMD ["node", "--require", "./scripts/server-preload.cjs", "--require", "./scripts/graceful-shutdown.cjs", "--require", "./scripts/request-log.cjs", "server.js"]
