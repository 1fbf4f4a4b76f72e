#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages whysigmoid needs, if any are missing.
# Idempotent: when everything is present it only checks (well under a second).
#   - pycairo and ManimPango build from source: cairo/pango -dev, pkg-config, a C compiler
#   - MathTex needs LaTeX (standalone.cls is in texlive-latex-extra) and dvisvgm
#   - the tests open the gallery page in headless Chromium
#   - the shard test runs the README's Slurm job array on a one-node Slurm cluster
#     it starts itself (slurm-wlm: slurmctld, slurmd, sbatch; munge: its auth daemon)
#   - offline HTML decks inline reveal.js from npm: Node.js and npm (only if no
#     npm is on the PATH, e.g. a Node.js installed from elsewhere)
set -euo pipefail

PACKAGES=(
  build-essential pkg-config python3-dev python3-venv
  libcairo2-dev libpango1.0-dev
  texlive-latex-base texlive-latex-recommended texlive-latex-extra
  texlive-fonts-recommended dvisvgm
  chromium
  slurm-wlm munge
)
command -v npm >/dev/null 2>&1 || PACKAGES+=(nodejs npm)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get/dpkg not found: this set-up supports Debian and Ubuntu." >&2
  echo "Install these (or your system's equivalents) by hand, then run make again:" >&2
  printf '  %s\n' "${PACKAGES[@]}" >&2
  exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing system packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "error: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
