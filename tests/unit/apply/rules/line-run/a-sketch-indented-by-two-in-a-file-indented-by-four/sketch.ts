function f(xs: number[]) {
  for (const x of xs) {
    if (x) {
      continue;
    }
    use(x);
  }
}
// ... existing code ...
