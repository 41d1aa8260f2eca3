// ... existing code ...
    return fail()
  }
  versions.forEach(v => console.log(v))
}

const warn = (message) => {
// ... existing code ...
const fail = () => process.exit(1)

// ... existing code ...
