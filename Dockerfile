# syntax=docker/dockerfile:1
# The collection server (etudes-server, with its console) as a container image: the project's
# dependencies but the desktop's own (no Qt, no SQLCipher: installer/server_requirements.py), run
# by a non-root user, with a health check on GET /health. PostgreSQL and the TLS reverse proxy:
# compose.yaml and the README.
#
#   docker build -t etudes-server .
#   docker run -p 127.0.0.1:8765:8765 -v etudes-data:/data etudes-server   # SQLite in /data
#
# The server listens on 8765 inside the container; TLS ends at the reverse proxy in front of it.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY installer/server_requirements.py installer/
RUN python installer/server_requirements.py pyproject.toml > /tmp/server-requirements.txt \
 && python -m venv /opt/etudes \
 && /opt/etudes/bin/pip install -r /tmp/server-requirements.txt
COPY etudes_desktop ./etudes_desktop
# the package itself; its desktop dependencies (Qt, SQLCipher) are never imported by the server.
# matplotlib's font cache is built now: the running container's file system is read-only.
ENV MPLCONFIGDIR=/opt/etudes/matplotlib
RUN /opt/etudes/bin/pip install --no-deps . \
 && /opt/etudes/bin/etudes-server --version \
 && /opt/etudes/bin/python -c "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot"

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 etudes \
 && useradd --system --uid 10001 --gid etudes --home-dir /data --no-create-home --shell /usr/sbin/nologin etudes \
 && install -d -o etudes -g etudes -m 0700 /data
COPY --from=build /opt/etudes /opt/etudes
# XDG_DATA_HOME: without a database URL, the SQLite file and its key live in /data/etudes_server
ENV PATH=/opt/etudes/bin:$PATH \
    MPLCONFIGDIR=/opt/etudes/matplotlib \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    XDG_DATA_HOME=/data
USER etudes:etudes
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8765
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8765/health', timeout=4).status == 200 else 1)"]
ENTRYPOINT ["etudes-server"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8765"]
