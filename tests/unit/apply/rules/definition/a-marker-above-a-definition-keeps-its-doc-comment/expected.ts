export function a(): number {
  return 1;
}

/**
 * Adds two numbers.
 * @deprecated use sum()
 */
export function add(x: number, y: number): number {
  return sum([x, y]);
}
