# costgate's container image (docs/packaging.md), built by `scripts/package.sh --image TAG`
# from a context holding the static binary (costgate), policies/ and ci/gitlab/mr-note.sh.
# A slim Debian rather than an empty image: CI jobs (GitLab's) run their scripts with the
# image's shell, and the merge request note needs curl and python3.
FROM debian:12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl python3 \
    && rm -rf /var/lib/apt/lists/*
COPY costgate /usr/bin/costgate
COPY policies /usr/share/costgate/policies
COPY mr-note.sh /usr/share/costgate/gitlab/mr-note.sh
RUN costgate version
ENTRYPOINT []
CMD ["costgate", "--help"]
