/**
 * CommanderError class
 */
class CommanderError extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code
   */
  constructor(exitCode) {
    super();
    this.exitCode = exitCode;
  }
}

exports.CommanderError = CommanderError;
