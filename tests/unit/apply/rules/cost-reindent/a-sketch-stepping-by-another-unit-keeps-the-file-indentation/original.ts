export function area(shape: Shape): number {
    if (shape.kind === "circle") {
        return Math.PI * shape.r ** 2;
    }
    return shape.w * shape.h;
}

export function label(shape: Shape): string {
    return shape.kind;
}
