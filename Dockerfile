# briefing-bot: one process, SQLite on the /data volume, settings from the environment or --env-file.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY briefings ./briefings
COPY bot ./bot
RUN python -m venv /opt/venv && /opt/venv/bin/pip install .

FROM python:3.11-slim
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    BRIEFING_DB=/data/briefings.db
RUN useradd --system --uid 10001 --home-dir /app --create-home briefing \
    && mkdir /data && chown briefing:briefing /data
COPY --from=build /opt/venv /opt/venv
USER briefing
WORKDIR /app
VOLUME ["/data"]
# The scheduler writes a heartbeat into the database every minute; `health` reads it.
HEALTHCHECK --interval=60s --timeout=10s --start-period=90s --retries=3 CMD ["briefing-bot", "health"]
# SIGTERM (docker stop) lets in-flight deliveries finish or go back to the queue.
STOPSIGNAL SIGTERM
CMD ["briefing-bot", "run"]
