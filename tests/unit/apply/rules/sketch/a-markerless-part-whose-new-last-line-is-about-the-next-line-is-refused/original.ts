export async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  let attempt = 0;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      attempt++;
      await sleep(2 ** attempt * 100);
    }
  }
}
