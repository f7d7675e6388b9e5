#!/usr/bin/env bash
# End-to-end test of deploy/kansli-publish.sh, the example auto-publishing job.
#
# A temporary bare git repository stands in for the content repository: it holds a copy of
# this project's site (kansli.yaml, content/, layouts/, the Lua scripts). The job runs
# for real, with the real kansli binary, on a clone of it, and deploys to a temporary web
# root. An "author" clone pushes the edits a document owner would make between runs.
#
# Environment: KANSLI_BINARY (default: build/engine/kansli of the source tree) and
# KANSLI_SOURCE_DIR (default: two folders up from this file). Prints "N passed, N failed".
set -euo pipefail

source_dir="${KANSLI_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
kansli="${KANSLI_BINARY:-$source_dir/build/engine/kansli}"
job="$source_dir/deploy/kansli-publish.sh"
publish_args="--today 2026-11-23 --now 2026-11-23T09:00:00Z"

if [ ! -x "$kansli" ]; then
  echo "publish_job_test: no kansli binary at $kansli (set KANSLI_BINARY)" >&2
  exit 1
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kansli-publish-job.XXXXXX")"
lock_holder=""
finished=0
passed=0
failed=0
cleanup() {
  if [ "$finished" = 0 ]; then
    echo "publish_job_test: stopped early; the job's last output:"
    cat "$tmp/job.log" 2>/dev/null || true
    echo "$passed passed, $((failed + 1)) failed"
  fi
  if [ -n "$lock_holder" ]; then
    kill "$lock_holder" 2>/dev/null || true
    wait "$lock_holder" 2>/dev/null || true
  fi
  [ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

# Git reads no configuration of this machine or user: identities are set per repository.
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL="$tmp/gitconfig"
: >"$GIT_CONFIG_GLOBAL"

origin="$tmp/content.git"  # the content repository
site="$tmp/site"           # the job's clone (SITE_DIR)
author="$tmp/author"       # a document owner's clone
web="$tmp/www"
web_root="$web/styrdokument"
job_log="$tmp/job.log"
valid_from_line=""
step_ok=1

# assert DESCRIPTION COMMAND...: run COMMAND; on failure note it and fail the current step.
assert() {
  local what="$1"
  shift
  if ! "$@"; then
    echo "    FAILED: $what"
    step_ok=0
  fi
}

# step NAME FUNCTION: run one step of the scenario and count it.
step() {
  local name="$1" fn="$2"
  step_ok=1
  echo "--- $name"
  "$fn"
  if [ "$step_ok" = 1 ]; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAIL: $name"
    echo "    the job's output:"
    sed 's/^/    | /' "$job_log" 2>/dev/null || true
    failed=$((failed + 1))
  fi
}

# run_job: run the job once; its exit code is left in job_status, its output in job_log.
job_status=0
run_job() {
  job_status=0
  env KANSLI="$kansli" SITE_DIR="$site" WEB_ROOT="$web_root" \
    KANSLI_PUBLISH_ARGS="$publish_args" KEEP_RELEASES=1 \
    bash "$job" >"$job_log" 2>&1 || job_status=$?
}

origin_head() { git -C "$origin" rev-parse refs/heads/main; }
origin_commits() { git -C "$origin" rev-list --count refs/heads/main; }

# web_snapshot: where the web root points and the SHA-256 of every file it serves.
web_snapshot() {
  readlink "$web_root" || echo "no web root"
  (cd "$web_root/" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) || true
}

# author_edit FILE SED-SCRIPT MESSAGE: a document owner edits a document and pushes it.
author_edit() {
  local file="$1" script="$2" message="$3"
  git -C "$author" pull --quiet --ff-only
  sed -i -e "$script" "$author/$file"
  git -C "$author" commit --quiet -am "$message"
  git -C "$author" push --quiet origin main
}

# --- the content repository -------------------------------------------------------------------

seed="$tmp/seed"
mkdir -p "$seed/scripts" "$web"
cp "$source_dir/kansli.yaml" "$seed/"
# -L: real copies, never links back into the source tree (the test edits these documents).
cp -RL "$source_dir/content" "$source_dir/layouts" "$seed/"
cp "$source_dir"/scripts/*.lua "$seed/scripts/"  # the Lua scripts kansli.yaml names
printf '%s\n' '/output/' '/output.*' '/.output.lock' '/.archive.lock' >"$seed/.gitignore"
git init --quiet -b main "$seed"
git -C "$seed" config user.name "Seed"
git -C "$seed" config user.email "seed@example.invalid"
git -C "$seed" add -A
git -C "$seed" commit --quiet -m "Styrdokument"
git clone --quiet --bare "$seed" "$origin"
git clone --quiet "$origin" "$site"
git -C "$site" config user.name "kansli publish"
git -C "$site" config user.email "kansli-publish@example.invalid"
git clone --quiet "$origin" "$author"
git -C "$author" config user.name "Document Owner"
git -C "$author" config user.email "owner@example.invalid"

doc="content/tranas/tranas-program-internationellt-arbete.md"
doc_id="tranas-program-internationellt-arbete"
draft="content/osby/osby-policy-internationellt-arbete.md"  # status utkast: never archived
doc_version="$(sed -n 's/^version: *//p' "$seed/$doc" | head -n 1)"
if ! grep -q '^status: gällande' "$seed/$doc" || ! [[ "$doc_version" =~ ^[0-9]+$ ]] ||
  ! grep -q '^valid_from: ' "$seed/$doc" || ! grep -q '^status: utkast' "$seed/$draft"; then
  echo "publish_job_test: $doc is no longer an adopted document with a whole version" \
    "number and valid_from, or $draft no longer a draft; pick others for this test" >&2
  exit 1
fi

# --- the scenario -----------------------------------------------------------------------------

first_publishes() {
  run_job
  assert "the job exits 0 (got $job_status)" test "$job_status" -eq 0
  assert "WEB_ROOT is a symlink to a release" test -L "$web_root"
  assert "the web root has html/index.html" test -s "$web_root/html/index.html"
  assert "the web root has manifest.json" test -s "$web_root/manifest.json"
  local file id
  for file in "$site"/content/*/*.md; do
    id="$(sed -n 's/^id: *//p' "$file" | head -n 1)"
    assert "the web root has pdf/$id.pdf" test "$(head -c 5 "$web_root/pdf/$id.pdf")" = "%PDF-"
  done
  assert "the web root serves exactly output/" diff -r "$site/output" "$web_root/"
  assert "the content repository has one new commit" test "$(origin_commits)" -eq 2
  assert "the new commit adds archive/ledger.jsonl" \
    grep -qx 'archive/ledger.jsonl' < <(git -C "$origin" show --name-only --format= main)
  local records
  records="$(git -C "$origin" show main:archive/ledger.jsonl | grep -c '"seq":')" || true
  assert "the ledger has records" test "$records" -gt 0
  assert "the commit message counts the ledger's new records" \
    grep -q "^Archive: $records new ledger records" < <(git -C "$origin" log -1 --format=%s main)
  assert "the adopted document's PDF is archived" git -C "$origin" cat-file -e \
    "main:archive/pdf/$doc_id-v$doc_version.pdf"
  assert "the adopted document's source is archived" git -C "$origin" cat-file -e \
    "main:archive/source/$doc_id-v$doc_version.md"
  assert "the job's clone is clean (output/ is ignored)" \
    test -z "$(git -C "$site" status --porcelain --untracked-files=all)"
}

second_changes_nothing() {
  local before_head before_web
  before_head="$(origin_head)"
  before_web="$(web_snapshot)" || true
  run_job
  assert "the job exits 0 (got $job_status)" test "$job_status" -eq 0
  assert "no new commit" test "$(origin_head)" = "$before_head"
  assert "the web root is unchanged" test "$(web_snapshot)" = "$before_web"
}

new_version_recorded() {
  local before_commits before_manifest before_ledger next=$((doc_version + 1))
  before_commits="$(origin_commits)"
  before_ledger="$(git -C "$origin" show main:archive/ledger.jsonl)" || true
  before_manifest="$(cat "$web_root/manifest.json")" || true
  author_edit "$doc" "s/^version: .*/version: $next/" "Version $next"
  run_job
  assert "the job exits 0 (got $job_status)" test "$job_status" -eq 0
  assert "one new commit beside the author's" test "$(origin_commits)" -eq $((before_commits + 2))
  assert "the commit records the new version's PDF" git -C "$origin" cat-file -e \
    "main:archive/pdf/$doc_id-v$next.pdf"
  assert "the commit names the new version" \
    grep -q "^- $doc_id version $next: published" < <(git -C "$origin" log -1 --format=%b main)
  assert "the earlier version is still archived" git -C "$origin" cat-file -e \
    "main:archive/pdf/$doc_id-v$doc_version.pdf"
  assert "the ledger only grew, by one line" test "$(git -C "$origin" show main:archive/ledger.jsonl)" \
    = "$before_ledger"$'\n'"$(git -C "$origin" show main:archive/ledger.jsonl | tail -n 1)"
  assert "the web root serves the new site" test "$(cat "$web_root/manifest.json")" != "$before_manifest"
  assert "the web root serves exactly output/" diff -r "$site/output" "$web_root/"
}

failed_push_is_retried() {
  # The content repository refuses the job's push once; the next run must push the kept
  # commit on top of what an author pushed meanwhile, then publish.
  local next=$((doc_version + 2)) before_head before_web
  author_edit "$doc" "s/^version: .*/version: $next/" "Version $next"
  before_head="$(origin_head)"
  before_web="$(web_snapshot)" || true
  printf '#!/bin/sh\n[ ! -e reject-pushes ] || { echo "push refused for the test"; exit 1; }\n' \
    >"$origin/hooks/pre-receive"
  chmod +x "$origin/hooks/pre-receive"
  touch "$origin/reject-pushes"
  run_job
  assert "the job exits 4 when the push fails (got $job_status)" test "$job_status" -eq 4
  assert "the repository is unchanged" test "$(origin_head)" = "$before_head"
  assert "the web root is unchanged" test "$(web_snapshot)" = "$before_web"
  assert "the archive commit is kept in the clone" \
    test "$(git -C "$site" rev-list --count "$before_head..HEAD")" -eq 1
  rm "$origin/reject-pushes"
  author_edit "$draft" 's/^title: .*/&, utkast 2/' "Edit a draft"
  run_job
  assert "the next run exits 0 (got $job_status)" test "$job_status" -eq 0
  assert "the archive commit is pushed on top of the author's" \
    grep -qx "Edit a draft" < <(git -C "$origin" log -1 --skip=1 --format=%s main)
  assert "the pushed commit records version $next" git -C "$origin" cat-file -e \
    "main:archive/pdf/$doc_id-v$next.pdf"
  assert "no other new commit" test "$(git -C "$origin" rev-list --count "$before_head..main")" -eq 2
  assert "the clone is the repository's main" test "$(git -C "$site" rev-parse HEAD)" = "$(origin_head)"
  assert "the web root serves the new site" test "$(web_snapshot)" != "$before_web"
  assert "the web root serves exactly output/" diff -r "$site/output" "$web_root/"
}

broken_document_changes_nothing() {
  valid_from_line="$(grep -m 1 '^valid_from: ' "$author/$doc")" || true
  author_edit "$doc" "s/^valid_from: .*/valid_from: 2018-02-30/" "An impossible date"
  local before_head before_web
  before_head="$(origin_head)"
  before_web="$(web_snapshot)" || true
  run_job
  assert "the job exits non-zero (got $job_status)" test "$job_status" -ne 0
  assert "the job says what is wrong" grep -q "invalid-date" "$job_log"
  assert "no new commit" test "$(origin_head)" = "$before_head"
  assert "the web root is byte-identical" test "$(web_snapshot)" = "$before_web"
}

locked_run_is_skipped() {
  # The author puts the date back; a run while another holds the lock must touch nothing.
  author_edit "$doc" "s/^valid_from: .*/$valid_from_line/" "Put the date back"
  local lock="$site/.git/kansli-publish.lock" i
  # A process that holds the lock and nothing else: killing it frees the lock.
  (
    exec 8>>"$lock"
    flock 8
    exec sleep 120
  ) &
  lock_holder=$!
  for ((i = 0; i < 200; i++)); do
    flock -n "$lock" true || break
    sleep 0.05
  done
  local before_site before_web
  before_site="$(git -C "$site" rev-parse HEAD)"
  before_web="$(web_snapshot)" || true
  run_job
  assert "the skipped job exits 0 (got $job_status)" test "$job_status" -eq 0
  assert "the job says it skipped" grep -q "skipping" "$job_log"
  assert "the clone was not pulled" test "$(git -C "$site" rev-parse HEAD)" = "$before_site"
  assert "the web root is unchanged" test "$(web_snapshot)" = "$before_web"
  kill "$lock_holder"
  wait "$lock_holder" 2>/dev/null || true
  lock_holder=""
  run_job
  assert "once the lock is free the job runs (exit $job_status)" test "$job_status" -eq 0
  assert "the clone was pulled" test "$(git -C "$site" rev-parse HEAD)" = "$(origin_head)"
  assert "the web root serves exactly output/" diff -r "$site/output" "$web_root/"
  local releases
  releases="$(find "$web_root.releases" -mindepth 1 -maxdepth 1 | wc -l)"
  assert "old releases are pruned to KEEP_RELEASES=1 (found $releases)" test "$releases" -eq 1
}

step "a first run publishes, archives and deploys" first_publishes
step "a second run with nothing new commits and deploys nothing" second_changes_nothing
step "a newly adopted version is recorded and deployed" new_version_recorded
step "a push that fails is retried by the next run" failed_push_is_retried
step "a broken document fails the job and changes nothing" broken_document_changes_nothing
step "a run while another holds the lock is skipped" locked_run_is_skipped

finished=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
