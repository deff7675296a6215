#!/usr/bin/env bash
# Every console sample of README.md and of the man pages' EXAMPLES is run and its output compared
# (tests/scripts/doc_examples.py says how).
exec python3 "$(dirname "$0")/doc_examples.py" "$@"
