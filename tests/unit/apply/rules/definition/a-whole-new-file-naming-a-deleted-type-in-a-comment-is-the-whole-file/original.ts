interface LegacyOptions {
  verbose: boolean;
}

export interface Options {
  verbose: boolean;
  color: boolean;
}

export function render(text: string, opts: Options): string {
  const prefix = opts.color ? "\x1b[32m" : "";
  return prefix + text;
}

export function log(text: string, opts: Options): void {
  if (opts.verbose) {
    console.log(render(text, opts));
  }
}
