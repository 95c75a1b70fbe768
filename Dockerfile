# The service image: Node.js 24 (LTS), the compiled service and its production dependencies only, running as an
# unprivileged user. test/integration/image-layout.test.ts rebuilds this layout from the COPY lines below and starts
# it, since no Docker engine runs in CI.

# Compiles src/ and projections/ to dist/ (with schemas/ and the other files the service reads beside its modules).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# no install scripts: the build needs only esbuild, whose binary comes as a package of its own
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY scripts/build.mjs ./scripts/
COPY bin ./bin
COPY src ./src
COPY projections ./projections
COPY schemas ./schemas
RUN npm run build

# Production dependencies. npm's `prepare` (the build) is skipped here; `npm rebuild` then runs the dependencies' own
# install scripts, which compile better-sqlite3 where no prebuilt binary can be fetched, hence the compilers.
FROM node:24-bookworm-slim AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild && npm cache clean --force

FROM node:24-bookworm-slim
ENV NODE_ENV=production LEDGER_DATA_DIR=/var/lib/ledger PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/ledger && chown node:node /var/lib/ledger
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=600s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/ledger.js", "serve"]
