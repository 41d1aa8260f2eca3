// ... existing code ...
  format(entry) {
    const label = stripAnsi(entry.label);
    const line = padLeft(label, 8) + " " + entry.message;
    console.debug("format called");
    return line;
  }
// ... existing code ...
