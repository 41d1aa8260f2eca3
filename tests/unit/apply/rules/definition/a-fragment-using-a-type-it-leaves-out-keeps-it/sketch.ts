export async function retry<T>(
  task: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < options.attempts; i++) {
    try {
      return await task();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    }
  }
  throw last;
}
