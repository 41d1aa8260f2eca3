log(msg: string, ...args: unknown[]) {
  console.log(`[${this.level}] ${msg}`, ...args);
}
