# The api and worker image (one image, two commands); see docker-compose.yml and docs/operations.md.
#   docker build -t kinship .
#   docker run kinship                                   the api (node --max-old-space-size=192 dist/src/main.js)
#   docker run kinship node --max-old-space-size=256 dist/src/worker.js   a worker
#   docker run kinship node_modules/.bin/typeorm migration:run -d dist/src/database/data-source.js

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
# The web app is built into dist/web, which the api serves.
COPY web ./web
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY scripts/healthcheck.js ./scripts/healthcheck.js
USER node
EXPOSE 3000
# The api with a bounded old generation: V8 then collects before the heap grows under a rush of
# requests, and RSS stays under 250 MB (docs/performance.md, "Memory").
CMD ["node", "--max-old-space-size=192", "dist/src/main.js"]
