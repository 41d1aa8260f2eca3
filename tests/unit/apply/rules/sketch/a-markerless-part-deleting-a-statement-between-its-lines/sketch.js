  log.notice('', `version: ${tarball.version}`)
  log.notice('', `total files: ${tarball.entryCount}`)
  log.notice('', '')
}
