export class Logger {
  private level = "info";

  setLevel(level: string) {
    this.level = level;
  }

  log(msg: string) {
    console.log(`[${this.level}] ${msg}`);
  }
}
