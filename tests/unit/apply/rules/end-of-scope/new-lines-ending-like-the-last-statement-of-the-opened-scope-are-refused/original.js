function report(version, options) {
  const match = version.match(re[t.COERCE])
  if (match == null) {
    return null
  }

  console.log(format(`${match[2]}.${match[3] || '0'}`, options))
}

module.exports = report
