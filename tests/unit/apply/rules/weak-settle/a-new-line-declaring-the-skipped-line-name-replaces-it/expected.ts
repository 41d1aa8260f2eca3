export type Options = {
  cwd?: string;
  follow?: boolean;
};
export type Result<O> = O extends Options ? string : never;
export type Stream<O> = Minipass<Result<O>>;
/**
 * Walk a tree.
 */
export function walk(options: Options): void {
  visit(options.cwd ?? ".");
}
