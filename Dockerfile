# syntax=docker/dockerfile:1
# Three stages: production dependencies (with the better-sqlite3 native addon compiled for this
# image), the TypeScript build, and a slim runtime that has neither compilers nor dev tools.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM deps AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:22-bookworm-slim
ENV NODE_ENV=production DATABASE_PATH=/data/bot.sqlite HEALTH_PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
# The image's built-in unprivileged user (uid 1000).
USER node
VOLUME ["/data"]
EXPOSE 8080
# Node's own fetch: the slim image has no curl, and a probe should not need one.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# A larger young generation: answers allocate briefly, and scavenges were most of the p99 (npm run bench).
CMD ["node", "--max-semi-space-size=32", "dist/main.js"]
