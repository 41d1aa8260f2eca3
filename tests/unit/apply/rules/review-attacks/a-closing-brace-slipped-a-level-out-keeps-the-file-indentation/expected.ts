export function parseHeaders(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of raw.split('\n')) {
    if (!line.trim()) {
      continue;
    }
    const idx = line.indexOf(':');
    if (idx < 0) {
      continue;
    }
    out[line.slice(0, idx).trim().toLowerCase()] = line.slice(idx + 1).trim();
  }
  return out;
}

export function headerValue(h: Record<string, string>, name: string): string | undefined {
  return h[name.toLowerCase()];
}
