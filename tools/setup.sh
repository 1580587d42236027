#!/usr/bin/env bash
# Installs jixiao's build and test dependencies from Debian 12's packages, then configures and
# builds it in build/. Safe to run again. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config git python3
  libpoppler-cpp-dev poppler-utils libicu-dev libre2-dev libgmp-dev
  libsqlitecpp-dev libsqlite3-dev sqlite3 catch2 nlohmann-json3-dev libcli11-dev libfmt-dev
  libxlsxwriter-dev libqpdf-dev qpdf zlib1g-dev unzip chromium fonts-noto-cjk
  slurm-wlm munge
)
if [[ "${JIXIAO_SKIP_APT:-}" != 1 ]]; then
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# JIXIAO_BUILD_TARGETS="a b": build only those targets (tools/test.sh, when the sanitizer build
# runs the unit tests); all of them by default.
targets=()
for t in ${JIXIAO_BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build build -j"$(nproc)" "${targets[@]}"
