#!/usr/bin/env bash
# Installs what building and testing chiso needs, only what is missing, at pinned versions.
# Idempotent and quiet when everything is present. Never downloads prebuilt browsers or tools:
# everything comes from crates.io, npm or Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen crate locked in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # --locked first; the registry mirror here lacks one locked dependency of some releases,
  # so fall back to resolving dependencies (the CLI version itself stays pinned).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --quiet \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --quiet
fi

# npm packages (binaryen's wasm-opt for Trunk, terser for the build's hook, playwright-core for the browser tests, Lighthouse
# for the benchmark), project-local, at the lockfile's versions.
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version 132" \
  || [ ! -f node_modules/playwright-core/package.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# pandoc and poppler-utils read back the brief's .docx and printed PDF in the browser tests;
# fonts-dejavu-core draws the pages' preview images at build time (src/render/preview.rs).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! command -v pandoc >/dev/null || ! command -v pdftoppm >/dev/null \
  || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  say "installing Debian chromium, chromium-driver, pandoc, poppler-utils and fonts-dejavu-core"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver pandoc poppler-utils fonts-dejavu-core >/dev/null
fi

# Python packages in a project-local virtual environment .venv/ (Debian's own Python takes no pip
# installs): frictionless validates the open data's data package and openpyxl reads back the
# workbooks chiso writes (browser tests open_data, xlsx_export); openpyxl, xlwt and odfpy write
# the official tables' TEST DATA workbooks (tests/e2e/fixtures/official_tables.py, whose output
# is committed in tests/fixtures/).
FRICTIONLESS_VERSION=5.21.0
OPENPYXL_VERSION=3.1.5
XLWT_VERSION=1.3.0
ODFPY_VERSION=1.4.1
if ! .venv/bin/python -c "import frictionless, openpyxl, xlwt, odf, sys
sys.exit(0 if (frictionless.__version__, openpyxl.__version__, xlwt.__VERSION__) == ('$FRICTIONLESS_VERSION', '$OPENPYXL_VERSION', '$XLWT_VERSION') else 1)" 2>/dev/null; then
  say "installing Python frictionless, openpyxl, xlwt and odfpy into .venv/"
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" 2>/dev/null; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
  fi
  python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION" \
    "openpyxl==$OPENPYXL_VERSION" "xlwt==$XLWT_VERSION" "odfpy==$ODFPY_VERSION"
fi
