// ... existing code ...
 */
export function add(x: number, y: number): number {
  return sum([x, y]);
}
