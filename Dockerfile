# The app image: Python API + built SPA, in production mode. Used by docker-compose.yml
# (PostgreSQL and Redis there; the embedded database is for laptops only).
#
# Production seeds nothing and has no default login. Create the first admin once the database
# is up (the password is asked for, or read from CLIENTELE_PASSWORD):
#   docker compose run --rm app clientele user create --admin --email you@example.com
FROM node:20-bookworm-slim AS frontend
WORKDIR /src
COPY package.json package-lock.json ./
COPY frontend/package.json frontend/
RUN npm ci --no-audit --no-fund
COPY schema.graphql ./
COPY frontend frontend
RUN npm run build --workspace frontend

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 HOST=0.0.0.0 PORT=8000 \
    APP_ENV=production CLIENTELE_SEED=0 CLIENTELE_FRONTEND_DIST=/app/frontend/dist
WORKDIR /app
COPY pyproject.toml README.md ./
COPY backend backend
RUN pip install --no-cache-dir . && useradd --system --uid 10001 clientele
COPY --from=frontend /src/frontend/dist frontend/dist
USER clientele
EXPOSE 8000
# asks this container's server for /healthz on $PORT: 503 while the database is unreachable
HEALTHCHECK --interval=10s --timeout=5s --retries=5 CMD ["clientele", "healthcheck"]
CMD ["clientele", "serve"]
