export interface Options {
  retries: number;
  delayMs: number;
}

export class Retrier {
  constructor(private readonly opts: Options) {}

  /**
   * Runs the task, retrying on failure.
   * Waits `delayMs` between attempts.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    let last: unknown;
    for (let i = 0; i < this.opts.retries; i++) {
      try {
        return await task();
      } catch (e) {
        last = e;
        await sleep(this.opts.delayMs);
      }
    }
    throw last;
  }
}
