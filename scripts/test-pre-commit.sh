#!/usr/bin/env bash
# Prove .pre-commit-hooks.yaml through the real pre-commit: a temporary git repository with a weak
# and a high answer, and `pre-commit try-repo <this repository> mlsd-lint --files ...`, which
# installs this repository the way pre-commit's node support does (npm install, npm pack, npm
# install -g) and runs the hook. The weak answer must fail the hook, the high one must pass it.
#   npm run test:pre-commit
# Needs git, node, npm, network access to the npm registry, and pre-commit (installed with apt-get
# when missing and run as root). Takes a minute or two: pre-commit builds the package from scratch.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pre-commit >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "pre-commit not found: installing the Debian package"
    apt-get install -y pre-commit >/dev/null || { apt-get update >/dev/null && apt-get install -y pre-commit >/dev/null; }
  else
    echo "pre-commit is not installed (apt-get install -y pre-commit, or pipx install pre-commit)" >&2
    exit 1
  fi
fi
echo "Using $(pre-commit --version), node $(node --version), npm $(npm --version)"

work="$(mktemp -d "${TMPDIR:-/tmp}/mlsd-lint-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# pre-commit's environments go here, not into ~/.cache/pre-commit.
export PRE_COMMIT_HOME="$work/pre-commit-home"
repo="$work/study-repo"
mkdir -p "$repo/answers"
cp "$root/fixtures/reference/weak.md" "$repo/answers/weak.md"
cp "$root/fixtures/answers/payment-fraud-long-prose.md" "$repo/answers/high.md"
printf 'Not an answer, not markdown.\n' > "$repo/notes.txt"
git -C "$repo" init -q
git -C "$repo" add .

failures=0
check() { # check <expected exit: 0|nonzero> <label> -- <pre-commit args...>
  local expected="$1" label="$2"
  shift 3
  local out="$work/out.txt" code=0
  (cd "$repo" && pre-commit try-repo "$root" mlsd-lint --verbose "$@") >"$out" 2>&1 || code=$?
  if { [ "$expected" = 0 ] && [ "$code" = 0 ]; } || { [ "$expected" != 0 ] && [ "$code" != 0 ]; }; then
    echo "ok: $label (exit $code)"
  else
    echo "FAIL: $label: expected exit $expected, got $code" >&2
    cat "$out" >&2
    failures=$((failures + 1))
  fi
  cp "$out" "$work/last.txt"
}

expect_output() { # expect_output <regex> <what>
  grep -Eq "$1" "$work/last.txt" || { echo "FAIL: $2" >&2; cat "$work/last.txt" >&2; failures=$((failures + 1)); }
}

check nonzero "the weak answer fails the hook" -- --files answers/weak.md
expect_output '^mlsd-lint\.+Failed' "the hook itself did not fail (a pre-commit error instead?)"
expect_output '^- exit code: 1$' "the hook did not exit 1"
expect_output 'answers/weak\.md  score [0-9]+/100' "the report does not name answers/weak.md with its score"
expect_output 'Weak signal' "no weak-signal section in the report"
check 0 "the high answer passes the hook" -- --files answers/high.md
expect_output '^mlsd-lint\.+Passed' "the hook did not pass"
check nonzero "a batch with both fails" -- --files answers/high.md answers/weak.md
expect_output '^mlsd-lint\.+Failed' "the hook itself did not fail"
check 0 "a non-markdown file is not passed to the hook (types: [markdown])" -- --files notes.txt
expect_output '^mlsd-lint\.+\(no files to check\)Skipped' "the hook ran on notes.txt"

if [ "$failures" -ne 0 ]; then
  echo "pre-commit hook test: $failures failure(s)" >&2
  exit 1
fi
echo "pre-commit hook test: 4 passed, 0 failed"
