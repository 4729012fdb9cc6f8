#!/usr/bin/env bash
# ensure-debs.sh PKG... — install the Debian packages that are not installed yet.
# Fast when everything is present (one dpkg-query); runs `apt-get update` only
# when something is missing. Non-interactive, safe under CI=true with no stdin.
set -euo pipefail

missing=()
for pkg in "$@"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  [[ "$status" == ii* ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "ensure-debs: installing ${missing[*]}"
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (rather than failing) when the lock is held.
apt_opts=(-y -q -o DPkg::Lock::Timeout=900 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
"${sudo[@]}" apt-get -q -o DPkg::Lock::Timeout=900 update
"${sudo[@]}" apt-get install "${apt_opts[@]}" "${missing[@]}" </dev/null
