export type Options = {
  cwd?: string;
  follow?: boolean;
};
export type Result<O> = O extends Options ? string : never;
export type Stream<O> = O extends Options ? O extends { follow: true } ? ReadableStream<Entry> : ReadableStream<string> : O extends undefined ? ReadableStream<string> : never;
/**
 * Walk a tree.
 */
export function walk(options: Options): void {
  visit(options.cwd ?? ".");
}
