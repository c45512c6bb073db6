# The app image: Python API + built SPA. Used by docker-compose.yml (PostgreSQL and Redis
# there; the embedded database is for laptops only).
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
    CLIENTELE_FRONTEND_DIST=/app/frontend/dist
WORKDIR /app
COPY pyproject.toml README.md ./
COPY backend backend
RUN pip install --no-cache-dir . && useradd --system --uid 10001 clientele
COPY --from=frontend /src/frontend/dist frontend/dist
USER clientele
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)" || exit 1
CMD ["clientele", "serve"]
