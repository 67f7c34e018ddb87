# syntax=docker/dockerfile:1
# One image recipe for every platform service; the project is a build argument.
#
#   docker build -f deploy/docker/service.Dockerfile \
#     --build-arg PROJECT=services/Ingest/Whfb.Ingest.csproj --build-arg PORT=5101 -t whfb-ingest .
#
# Build context: the repository root (the project references the shared libraries and the
# central Directory.*.props files).

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN test -n "${PROJECT}" || { echo "build arg PROJECT is required" >&2; exit 1; }
RUN dotnet publish "${PROJECT}" -c Release -o /app --nologo \
 && name="$(basename "${PROJECT}" .csproj)" \
 && printf '#!/bin/sh\nexec dotnet /app/%s.dll "$@"\n' "$name" >/app/whfb-service \
 && chmod 0755 /app/whfb-service

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}
ARG PORT=8080
# curl for the health check only.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# MALLOC_ARENA_MAX: glibc gives each thread that contends on malloc an arena of its own (up to 8 per core); the
# runtime's native allocations are few and not hot, and two arenas keep a service ~5 MB smaller (SyncTracker's results).
ENV ASPNETCORE_URLS=http://+:${PORT} \
    MALLOC_ARENA_MAX=2 \
    WHFB_PORT=${PORT}
EXPOSE ${PORT}
USER app
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${WHFB_PORT}/health/ready" >/dev/null || exit 1
ENTRYPOINT ["/app/whfb-service"]
