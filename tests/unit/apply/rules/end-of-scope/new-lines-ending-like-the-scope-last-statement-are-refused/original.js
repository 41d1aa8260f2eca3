function coerce(version, options) {
  const match = version.match(re[t.COERCE])
  if (match == null) {
    return null
  }

  return parse(`${match[2]}.${match[3] || '0'}.${match[4] || '0'}`, options)
}

module.exports = coerce
