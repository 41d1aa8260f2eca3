function stripAnsi(text) {
	const pattern = /\u001b\[[0-9;]*m/g;
	return text.replace(pattern, "");
}

function padLeft(text, width) {
	const missing = width - text.length;
	return " ".repeat(Math.max(0, missing)) + text;
}

function columns(rows) {
	const widths = [];
	for (const row of rows) {
		for (const [i, cell] of row.entries()) {
			widths[i] = Math.max(widths[i] || 0, cell.length);
		}
	}
	return widths;
}

class Reporter {
  constructor(options) {
    this.options = options;
  }
  format(entry) {
    const label = stripAnsi(entry.label);
    const line = padLeft(label, 8) + " " + entry.message;
    console.debug("format called");
    return line;
  }
}

export { Reporter, columns };
