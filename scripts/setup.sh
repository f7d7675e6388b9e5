# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# Sourced, not run. Idempotent: the second time it installs nothing and only rebuilds changes.
set -euo pipefail

KANSLI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian 12 packages kansli builds and tests with. Libraries are never vendored.
KANSLI_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libhpdf-dev liblua5.4-dev
  libyaml-cpp-dev libcli11-dev libkainjow-mustache-dev nlohmann-json3-dev libssl-dev
  libgtest-dev
  fonts-liberation2 fonts-dejavu-core
  poppler-utils qpdf
)

kansli_install_packages() {
  local missing=()
  for pkg in "${KANSLI_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "kansli: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# kansli_build DIR [cmake args...]: configure once, then build what changed.
kansli_build() {
  local dir="$1"
  shift
  if [ ! -f "$KANSLI_ROOT/$dir/build.ninja" ]; then
    cmake -S "$KANSLI_ROOT" -B "$KANSLI_ROOT/$dir" -G Ninja "$@" >/dev/null
  fi
  cmake --build "$KANSLI_ROOT/$dir" -- -j"$(nproc)"
}
