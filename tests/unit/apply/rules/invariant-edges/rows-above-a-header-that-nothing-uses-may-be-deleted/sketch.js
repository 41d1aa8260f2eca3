export function merge(a, b) {
    return { ...a, ...b };
}
export function keys(record) {
    // ... existing code ...
}
