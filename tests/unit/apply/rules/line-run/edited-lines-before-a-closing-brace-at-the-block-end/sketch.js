const coerce = (version, options) => {
  // ... existing code ...
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }
  // ... existing code ...
