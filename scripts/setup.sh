# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# Sourced, not run. Idempotent: the second time it installs nothing and only rebuilds changes.
set -euo pipefail

KANSLI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian 12 packages kansli builds and tests with. Libraries are never vendored.
KANSLI_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  clang libclang-rt-14-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libhpdf-dev liblua5.4-dev
  libyaml-cpp-dev libcli11-dev libkainjow-mustache-dev nlohmann-json3-dev libssl-dev
  libgtest-dev libgraphviz-dev libcpp-httplib-dev libhyphen-dev hyphen-sv libqrencode-dev libharfbuzz-dev
  libdeflate-dev libdtl-dev
  libpng-dev libjpeg62-turbo-dev zlib1g-dev
  fonts-liberation2 fonts-dejavu-core icc-profiles-free
  poppler-utils qpdf libxml2-utils zbar-tools git python3-jsonschema python3-yaml
  default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
  chromium
)

# kansli_install_packages [PACKAGE...]: apt-get install those not installed (default: all above).
kansli_install_packages() {
  local wanted=("$@")
  [ ${#wanted[@]} -gt 0 ] || wanted=("${KANSLI_PACKAGES[@]}")
  local missing=()
  for pkg in "${wanted[@]}"; do
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

# The npm packages of package-lock.json: Pagefind, which kansli runs to index the register,
# and the browser test tools. npm ci runs only when the lock file changed since the last one.
kansli_install_npm() {
  if ! command -v npm >/dev/null; then
    kansli_install_packages nodejs npm
  fi
  local stamp="$KANSLI_ROOT/node_modules/.kansli-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$KANSLI_ROOT/package-lock.json"; then
    return 0
  fi
  echo "kansli: npm ci"
  (cd "$KANSLI_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$KANSLI_ROOT/package-lock.json" "$stamp"
}

# kansli_build DIR [cmake args...] [-- TARGET...]: configure once, then build what changed
# (every target, or only those after --).
kansli_build() {
  local dir="$1"
  shift
  local configure=() targets=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    configure+=("$1")
    shift
  done
  [ $# -eq 0 ] || { shift; targets=("$@"); }
  if [ ! -f "$KANSLI_ROOT/$dir/build.ninja" ]; then
    cmake -S "$KANSLI_ROOT" -B "$KANSLI_ROOT/$dir" -G Ninja "${configure[@]}" >/dev/null
  fi
  cmake --build "$KANSLI_ROOT/$dir" -- -j"$(nproc)" "${targets[@]}"
}
