export class Logger {
  private level = "info";

  setLevel(level: string) {
    this.level = level;
  }

  log(msg: string, ...args: unknown[]) {
    console.log(`[${this.level}] ${msg}`, ...args);
  }
}
