function coerce(version, options) {
  // ... existing code ...

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'

  return parse(`${major}.${minor}.${patch}`, options)
}
// ... existing code ...
