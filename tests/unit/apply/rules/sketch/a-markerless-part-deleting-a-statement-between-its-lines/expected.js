const logTar = (tarball, { unicode = false } = {}) => {
  log.notice('', `name: ${tarball.name}`)
  log.notice('', `version: ${tarball.version}`)
  log.notice('', `total files: ${tarball.entryCount}`)
  log.notice('', '')
}

module.exports = { logTar }
