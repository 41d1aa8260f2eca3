export interface Options {
  verbose: boolean;
  color: boolean;
}

// LegacyOptions was removed; callers pass Options now.
export function render(text: string, opts: Options): string {
  const prefix = opts.color ? "\x1b[32m" : "";
  return prefix + text;
}

export function log(text: string, opts: Options): void {
  if (opts.verbose) {
    console.log(render(text, opts));
  }
}
