#!/usr/bin/env bash
set -euo pipefail

log() {
  echo "[$(date +%T)] $*"
}

build() {
  log "building"
  make all
  make test
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
