export function area(shape: Shape): number {
  if (shape.kind === "circle") {
    return Math.PI * shape.r * shape.r;
  }
  return shape.w * shape.h;
}
// ... existing code ...
