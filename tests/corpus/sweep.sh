#!/usr/bin/env bash
# ctest wrapper: runs sweep.py with Debian's python3 (which has python3-jsonschema).
exec /usr/bin/python3 "$(dirname "$0")/sweep.py" "$@"
