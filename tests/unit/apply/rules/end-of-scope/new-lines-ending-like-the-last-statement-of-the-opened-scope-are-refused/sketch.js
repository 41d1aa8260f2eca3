function report(version, options) {
  // ... existing code ...

  const major = match[2]
  const minor = match[3] || '0'

  console.log(format(`${major}.${minor}`, options))
}
// ... existing code ...
