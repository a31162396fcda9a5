# The development SMSC for docker-compose: the same script as the native one (infra/local/smpp-server.mjs),
# with the smpp package at the version package.json pins. No maintained SMSC simulator image was found to use instead.
FROM node:20.19-bookworm-slim
WORKDIR /app
COPY package.json /tmp/civic-package.json
RUN npm install --no-save --no-audit --no-fund --no-package-lock \
    "smpp@$(node -p "require('/tmp/civic-package.json').dependencies.smpp")"
COPY infra/local/smpp-server.mjs infra/local/smpp-server.mjs
USER node
ENV SMPP_HOST=0.0.0.0 SMPP_PORT=2775 SMPP_HTTP_PORT=8026
EXPOSE 2775 8026
HEALTHCHECK --interval=10s --timeout=5s \
  CMD node -e "fetch('http://127.0.0.1:8026/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "infra/local/smpp-server.mjs"]
