# The service image: Node.js 20, production dependencies only, running as an unprivileged user.
# better-sqlite3 compiles its native module where no prebuilt binary can be fetched, hence the build stage.
FROM node:20-bookworm-slim AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production LEDGER_DATA_DIR=/var/lib/ledger PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY schemas ./schemas
COPY projections ./projections
RUN mkdir -p /var/lib/ledger && chown node:node /var/lib/ledger
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/ledger.js", "serve"]
