const fs = require('fs')

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
      found = options.path.endsWith('.vault') ? options.path : `${options.path}.vault`
    }
  } else {
    found = '.env.vault'
  }

  if (fs.existsSync(found)) {
    return found
  }
  return null
}

module.exports = { vaultPath }
