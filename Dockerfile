# livret in a container, for the Kubernetes Indexed Job of README.md
# ("Letters with temporary codes", section "--shard K/N").
#
#   docker build -t registry.example.org/livret:0.1.0 .
#   docker run --rm -v "$PWD/data:/data:ro" -v "$PWD/out:/out" registry.example.org/livret:0.1.0 \
#     merge --letter templates/courrier-code-provisoire.md --recipients /data/recipients.csv \
#     --department 61 --out /out --date 2026-11-29
#
# Build stage: `npm ci` installs everything and its prepare script compiles
# src/ to dist/ and bundles the CLI (dist/bundle/); the dev dependencies are then pruned.
FROM node:20-slim AS build
WORKDIR /opt/livret
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bin ./bin
COPY scripts ./scripts
RUN npm ci && npm prune --omit=dev

# Run stage: the compiled package, its production dependencies, and the
# project (content/, templates/) in /project, the working folder.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /opt/livret
COPY --from=build /opt/livret/package.json ./
COPY --from=build /opt/livret/node_modules ./node_modules
COPY --from=build /opt/livret/dist ./dist
COPY bin ./bin
COPY assets ./assets
COPY data ./data
COPY schemas ./schemas
RUN ln -s /opt/livret/bin/livret.js /usr/local/bin/livret \
  && mkdir -p /project /out && chown node:node /out
COPY content /project/content
COPY templates /project/templates
COPY livret.config.yaml /project/
# The image's own user "node" (uid 1000), never root: letters and codes are written as this user.
USER node
WORKDIR /project
ENTRYPOINT ["livret"]
CMD ["--help"]
