#!/usr/bin/env bash
# kansli-publish.sh: the auto-publishing job of an intranet (see deploy/README.md).
#
#   1. takes a lock, so two runs never overlap;
#   2. brings SITE_DIR, a clone of the content repository, up to date (git pull --ff-only);
#   3. runs `kansli publish SITE_DIR`, which checks and builds the site, records every newly
#      adopted document version in archive/ and replaces output/ (all or nothing);
#   4. commits archive/ when it changed and pushes the commit;
#   5. copies output/ into a new release folder beside WEB_ROOT and swaps the WEB_ROOT
#      symlink to it in one rename, so the web server never serves a half-copied site.
#
# When a step fails the job stops there: a failed publish pushes nothing and leaves the web
# root as it was; a failed push deploys nothing (the commit is kept and pushed next run).
#
# Configuration, all from the environment:
#   KANSLI               the kansli binary (default: kansli on PATH)
#   SITE_DIR             the clone of the content repository (required)
#   WEB_ROOT             the symlink the web server serves: it points to the current release
#                        (required; must not be a real folder)
#   WEB_RELEASES         where the release folders are kept (default: "$WEB_ROOT.releases",
#                        which must be on the same file system as WEB_ROOT's folder)
#   KEEP_RELEASES        how many release folders to keep, the current one included (default 5)
#   GIT_REMOTE           remote to pull from and push to (default: origin)
#   GIT_BRANCH           branch to publish (default: main)
#   GIT_PUSH             1 to push the archive commit, 0 to only commit it (default: 1)
#   GIT_USER_NAME, GIT_USER_EMAIL
#                        the archive commits' author when the clone has no user.name/email
#                        (default: "kansli publish" <kansli-publish@HOSTNAME>)
#   KANSLI_PUBLISH_ARGS  extra arguments for `kansli publish`, split on spaces
#                        (e.g. "--strict", or "--today 2026-11-23 --now 2026-11-23T09:00:00Z")
#   KANSLI_VERIFY        1 to run `kansli verify` on the archive before committing it (default 1)
#   ARCHIVE_DIR, OUTPUT_DIR
#                        the archive and output folders in SITE_DIR, as kansli.yaml's
#                        folders.archive and folders.output name them (default: archive, output)
#   LOCK_FILE            the lock (default: "$SITE_DIR/.git/kansli-publish.lock")
#   LOCK_WAIT            seconds to wait for a running job; 0 skips this run at once (default 0)
#
# Exit codes: 0 published, or nothing to do, or skipped because another run holds the lock;
# 1 the documents have errors (kansli's exit 1: nothing was written); 2 wrong configuration;
# 3 kansli failed otherwise (I/O, internal error, usage); 4 git failed (pull, commit, push);
# 5 the archive does not verify; 6 the deployment to WEB_ROOT failed.
set -euo pipefail

log() { printf 'kansli-publish: %s\n' "$*" >&2; }
die() {
  local code="$1"
  shift
  log "error: $*"
  exit "$code"
}

KANSLI="${KANSLI:-kansli}"
SITE_DIR="${SITE_DIR:-}"
WEB_ROOT="${WEB_ROOT:-}"
GIT_REMOTE="${GIT_REMOTE:-origin}"
GIT_BRANCH="${GIT_BRANCH:-main}"
GIT_PUSH="${GIT_PUSH:-1}"
KANSLI_PUBLISH_ARGS="${KANSLI_PUBLISH_ARGS:-}"
KANSLI_VERIFY="${KANSLI_VERIFY:-1}"
ARCHIVE_DIR="${ARCHIVE_DIR:-archive}"
ARCHIVE_DIR="${ARCHIVE_DIR%/}"
OUTPUT_DIR="${OUTPUT_DIR:-output}"
OUTPUT_DIR="${OUTPUT_DIR%/}"
KEEP_RELEASES="${KEEP_RELEASES:-5}"
LOCK_WAIT="${LOCK_WAIT:-0}"

# --- configuration --------------------------------------------------------------------------

[ -n "$SITE_DIR" ] || die 2 "SITE_DIR is not set (the clone of the content repository)"
[ -n "$WEB_ROOT" ] || die 2 "WEB_ROOT is not set (the symlink the web server serves)"
[ -d "$SITE_DIR/.git" ] || die 2 "SITE_DIR $SITE_DIR is not a git clone"
[ -f "$SITE_DIR/kansli.yaml" ] || die 2 "SITE_DIR $SITE_DIR has no kansli.yaml"
SITE_DIR="$(cd "$SITE_DIR" && pwd -P)"
WEB_ROOT="${WEB_ROOT%/}"
case "$WEB_ROOT" in
  /*) ;;
  *) die 2 "WEB_ROOT must be an absolute path, not $WEB_ROOT" ;;
esac
WEB_RELEASES="${WEB_RELEASES:-$WEB_ROOT.releases}"
WEB_RELEASES="${WEB_RELEASES%/}"
if [ -e "$WEB_ROOT" ] && [ ! -L "$WEB_ROOT" ]; then
  die 2 "WEB_ROOT $WEB_ROOT is a real folder; it must be a symlink (or absent) so it can be" \
    "swapped in one step: move the folder away and run again"
fi
[ -d "$(dirname "$WEB_ROOT")" ] || die 2 "the folder of WEB_ROOT, $(dirname "$WEB_ROOT"), does not exist"
case "$KEEP_RELEASES" in
  '' | *[!0-9]* | 0) die 2 "KEEP_RELEASES must be a whole number of at least 1, not $KEEP_RELEASES" ;;
esac
case "$LOCK_WAIT" in
  '' | *[!0-9]*) die 2 "LOCK_WAIT must be a whole number of seconds, not $LOCK_WAIT" ;;
esac
if [[ "$KANSLI" == */* ]]; then
  [ -x "$KANSLI" ] || die 2 "KANSLI $KANSLI is not an executable file"
else
  command -v "$KANSLI" >/dev/null || die 2 "$KANSLI is not on PATH; set KANSLI to the binary"
fi
read -r -a publish_args <<<"$KANSLI_PUBLISH_ARGS"

git_site() { git -C "$SITE_DIR" "$@"; }
# field KEY RECORD: the value of KEY in a ledger record, a flat JSON object on one line.
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" <<<"$2"; }

# --- 1. the lock ----------------------------------------------------------------------------

LOCK_FILE="${LOCK_FILE:-$SITE_DIR/.git/kansli-publish.lock}"
exec 9>>"$LOCK_FILE" || die 2 "cannot open the lock file $LOCK_FILE"
if [ "$LOCK_WAIT" -eq 0 ]; then
  flock_args=(-n)
else
  flock_args=(-w "$LOCK_WAIT")
fi
if ! flock "${flock_args[@]}" 9; then
  log "another run holds $LOCK_FILE; skipping this one"
  exit 0
fi

# --- 2. bring the clone up to date ----------------------------------------------------------

branch="$(git_site symbolic-ref --quiet --short HEAD)" ||
  die 2 "SITE_DIR is not on a branch (detached HEAD); check out $GIT_BRANCH"
[ "$branch" = "$GIT_BRANCH" ] || die 2 "SITE_DIR is on branch $branch, not $GIT_BRANCH"

# Only the job writes to this clone: the archive, output/ and kansli's lock files beside them
# (which the content repository's .gitignore should list). Anything else changed by hand would
# be published without being in the repository: refuse. Archive changes are kept: a run
# stopped before its commit left them, and this run commits them.
lock_of() { printf '%s/.%s.lock' "$(dirname "$1")" "$(basename "$1")"; }
dirty="$(git_site status --porcelain --untracked-files=all -- . ":(exclude)$ARCHIVE_DIR" \
  ":(exclude)$OUTPUT_DIR" ":(exclude)$OUTPUT_DIR.*" ":(exclude,literal)$(lock_of "$OUTPUT_DIR")" \
  ":(exclude,literal)$(lock_of "$ARCHIVE_DIR")")"
if [ -n "$dirty" ]; then
  log "SITE_DIR has changes that are not in the repository:"
  printf '%s\n' "$dirty" >&2
  die 2 "commit or remove them (is output/ missing from the content repository's .gitignore?)"
fi

# fetch_upstream: fetch GIT_BRANCH from GIT_REMOTE; prints the fetched commit.
fetch_upstream() {
  git_site fetch --quiet "$GIT_REMOTE" "$GIT_BRANCH" && git_site rev-parse --verify --quiet FETCH_HEAD
}

# rebase_onto UPSTREAM: put the job's own archive commit(s) on top of UPSTREAM. They touch
# only the archive and authors never do, so this is a clean rebase.
rebase_onto() {
  git_site rebase --quiet --autostash "$1" && return 0
  git_site rebase --abort >/dev/null 2>&1 || true
  return 1
}

# push_archive: push HEAD to GIT_BRANCH; when documents were pushed meanwhile, rebase the
# archive commit(s) onto them and try once more.
push_archive() {
  [ "$GIT_PUSH" = 1 ] || return 0
  git_site push --quiet "$GIT_REMOTE" "HEAD:refs/heads/$GIT_BRANCH" && return 0
  local upstream
  upstream="$(fetch_upstream)" && rebase_onto "$upstream" &&
    git_site push --quiet "$GIT_REMOTE" "HEAD:refs/heads/$GIT_BRANCH"
}

# This is `git pull --ff-only`, except for archive commits an earlier run could not push.
upstream="$(fetch_upstream)" || die 4 "git fetch $GIT_REMOTE $GIT_BRANCH failed"
unpushed="$(git_site rev-list --count "$upstream..HEAD")"
if [ "$unpushed" -gt 0 ]; then
  log "$unpushed archive commit(s) of an earlier run are not in $GIT_REMOTE/$GIT_BRANCH yet"
  rebase_onto "$upstream" ||
    die 4 "cannot rebase them onto $GIT_REMOTE/$GIT_BRANCH; resolve by hand in $SITE_DIR"
  push_archive || die 4 "pushing them to $GIT_REMOTE/$GIT_BRANCH failed"
else
  git_site merge --quiet --ff-only "$upstream" ||
    die 4 "git pull --ff-only from $GIT_REMOTE/$GIT_BRANCH failed"
fi
revision="$(git_site rev-parse --short=12 HEAD)"
log "publishing $GIT_BRANCH at $revision"

# --- 3. publish -----------------------------------------------------------------------------

status=0
"$KANSLI" publish "$SITE_DIR" "${publish_args[@]}" || status=$?
case "$status" in
  0) ;;
  1) die 1 "the documents have errors (above); nothing was published, the web root is unchanged" ;;
  *) die 3 "kansli publish failed with exit code $status; the web root is unchanged" ;;
esac
output="$SITE_DIR/$OUTPUT_DIR"
[ -f "$output/html/index.html" ] || die 3 "kansli publish left no $output/html/index.html"

if [ "$KANSLI_VERIFY" = 1 ]; then
  "$KANSLI" verify --site "$SITE_DIR" >&2 ||
    die 5 "kansli verify: the archive does not verify; nothing committed or deployed"
fi

# --- 4. commit and push the archive ---------------------------------------------------------

if [ -d "$SITE_DIR/$ARCHIVE_DIR" ] &&
  [ -n "$(git_site status --porcelain --untracked-files=all -- "$ARCHIVE_DIR")" ]; then
  git_site add -A -- "$ARCHIVE_DIR" || die 4 "git add $ARCHIVE_DIR failed"
  # What was recorded: the ledger's new records (one JSON object a line, after a header line).
  mapfile -t records < <(git_site diff --cached --no-color --unified=0 -- "$ARCHIVE_DIR/ledger.jsonl" |
    sed -n 's/^+\({.*"seq":.*\)$/\1/p')
  case "${#records[@]}" in
    0) subject="Archive: files completed, no new ledger records" ;;
    1) subject="Archive: 1 new ledger record (seq $(field seq "${records[0]}"))" ;;
    *) subject="Archive: ${#records[@]} new ledger records (seq $(field seq "${records[0]}")-$(field seq "${records[-1]}"))" ;;
  esac
  message="$subject"$'\n\n'"Recorded by kansli publish of $GIT_BRANCH at $revision."
  if [ "${#records[@]}" -gt 0 ]; then
    message="$message"$'\n'
    for record in "${records[@]}"; do
      line="- $(field id "$record") version $(field version "$record")"
      if [ "$(field kind "$record")" = published ]; then
        line="$line: published, $(field status "$record")"
      else
        line="$line: $(field kind "$record") $(field status "$record")"
      fi
      message="$message"$'\n'"$line"
    done
  fi
  identity=()
  git_site config user.name >/dev/null || identity+=(-c "user.name=${GIT_USER_NAME:-kansli publish}")
  git_site config user.email >/dev/null ||
    identity+=(-c "user.email=${GIT_USER_EMAIL:-kansli-publish@$(hostname)}")
  git_site "${identity[@]}" commit --quiet -m "$message" -- "$ARCHIVE_DIR" || die 4 "git commit failed"
  log "committed: $subject"
  push_archive || die 4 "git push $GIT_REMOTE $GIT_BRANCH failed; the archive commit is kept" \
    "and pushed by the next run; nothing was deployed"
  [ "$GIT_PUSH" != 1 ] || log "pushed to $GIT_REMOTE/$GIT_BRANCH"
else
  log "no new document versions; nothing to commit"
fi

# --- 5. deploy output/ to the web root ------------------------------------------------------

if [ -L "$WEB_ROOT" ] && cmp -s "$output/manifest.json" "$WEB_ROOT/manifest.json"; then
  log "the web root already serves this site; nothing to deploy"
  exit 0
fi

mkdir -p "$WEB_RELEASES" || die 6 "cannot create $WEB_RELEASES"
release="$(date -u +%Y%m%dT%H%M%SZ)-$revision"
staging="$WEB_RELEASES/.$release.partial"
rm -rf "$staging"
if ! cp -R --preserve=timestamps "$output/." "$staging/"; then
  rm -rf "$staging"
  die 6 "copying $output to $staging failed; the web root is unchanged"
fi
chmod -R a+rX "$staging"
if [ -e "$WEB_RELEASES/$release" ]; then
  release="$release-$$"
fi
mv -T "$staging" "$WEB_RELEASES/$release" || die 6 "cannot rename $staging"

# A relative link when the releases are beside WEB_ROOT, so the tree can be moved whole.
if [ "$(dirname "$WEB_RELEASES")" = "$(dirname "$WEB_ROOT")" ]; then
  target="$(basename "$WEB_RELEASES")/$release"
else
  target="$WEB_RELEASES/$release"
fi
new_link="$WEB_ROOT.new-$$"
ln -sfn "$target" "$new_link" || die 6 "cannot create the symlink $new_link"
if ! mv -T "$new_link" "$WEB_ROOT"; then
  rm -f "$new_link"
  die 6 "cannot swap $WEB_ROOT to the new release; the web root is unchanged"
fi
log "deployed $release to $WEB_ROOT"

# Keep the newest KEEP_RELEASES releases (names sort by time), never the one being served.
current="$(basename "$(readlink "$WEB_ROOT")")"
mapfile -t releases < <(find "$WEB_RELEASES" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort)
excess=$((${#releases[@]} - KEEP_RELEASES))
for ((i = 0; i < excess; i++)); do
  if [ "${releases[i]}" != "$current" ]; then
    rm -rf "${WEB_RELEASES:?}/${releases[i]}"
  fi
done
# Partial copies left by a run that was killed mid-copy.
find "$WEB_RELEASES" -mindepth 1 -maxdepth 1 -type d -name '.*.partial' -mmin +60 -exec rm -rf {} +
exit 0
