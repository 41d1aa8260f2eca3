const logTar = (tarball, { unicode = false } = {}) => {
  log.notice('', `name: ${tarball.name}`)
  log.notice('', `version: ${tarball.version}`)
  log.notice('', `total files: ${tarball.entryCount}`)
  if (tarball.bundled.length) {
    log.notice('', `bundled deps: ${tarball.bundled.length}`)
    log.notice('', `own files: ${tarball.files.length}`)
  }
  log.notice('', '')
}

module.exports = { logTar }
