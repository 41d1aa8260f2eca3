const main = (versions) => {
  if (!versions.length) {
    return fail()
  }
  return success(versions)
}

const warn = (message) => {
  console.error(message)
}

const fail = () => process.exit(1)

const success = (versions) => {
  versions.forEach((v) => {
    console.log(v)
  })
}

const help = () => console.log('usage')

module.exports = { main, help }
