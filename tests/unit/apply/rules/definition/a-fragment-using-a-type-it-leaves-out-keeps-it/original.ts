type RetryOptions = { attempts: number; delayMs: number };
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
    }
  }
  throw last;
}
