const coerce = (version, options) => {
  let match = null
  if (!options.rtl) {
    match = version.match(re[t.COERCE])
  } else {
    let next
    while ((next = re[t.COERCERTL].exec(version))) {
      if (!match || next.index !== match.index) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }
  return match
}
