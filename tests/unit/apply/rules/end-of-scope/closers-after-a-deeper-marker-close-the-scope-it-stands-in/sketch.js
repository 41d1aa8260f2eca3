function vaultPath (options) {
  let found = null

  if (options && options.path) {
    if (Array.isArray(options.path)) {
      for (const file of options.path) {
        if (fs.existsSync(file)) {
          found = file.endsWith('.vault') ? file : `${file}.vault`
          break
        }
      }
    } else {
      // ... unchanged
    }
  } else {
    // ... unchanged
  }

  // ... rest of function unchanged
}
