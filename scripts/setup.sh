#!/usr/bin/env bash
# Installs what building and testing zhibiao needs, and only what is missing: the wasm32 target,
# wasm-pack, wasm-bindgen-cli of the version in Cargo.lock, geckodriver, Debian's chromium,
# chromium-driver, firefox-esr and CJK fonts, and the npm dev packages. Seconds when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q " $2\b"; }

if ! has_version wasm-pack "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 6 minutes on 2 cores)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION"
fi
if ! has_version wasm-bindgen "$BINDGEN_VERSION"; then
  # Without --locked: one of its locked dependencies is not on the registry.
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (the version Cargo.lock pins)"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi
if ! has_version geckodriver "$GECKODRIVER_VERSION"; then
  say "installing geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "$GECKODRIVER_VERSION"
fi

missing=()
# fonts-dejavu-core: the Latin font the font tests load as a page's own (tests/e2e).
for pkg in chromium chromium-driver firefox-esr fonts-noto-cjk fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/terser ] || [ ! -d node_modules/typescript ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen's wasm-opt, terser, playwright-core, axe-core, typescript)"
  npm ci --no-audit --no-fund --loglevel=error
fi
