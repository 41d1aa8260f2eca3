// ... existing code ...
  let timestamp = 0;
  let threshold = 1000 / freq;

  const throttled = (...args) => {
    timestamp = Date.now();
    fn.apply(null, args);
  }

  return [throttled];
}
// ... existing code ...
