#!/usr/bin/env bash
set -euo pipefail

log() {
  echo "[$(date +%T)] $*"
}

build() {
  log "building"
  make all
}

deploy() {
  log "deploying"
  rsync -a dist/ server:/srv/app/
}

main() {
  build
  deploy
}

main "$@"
