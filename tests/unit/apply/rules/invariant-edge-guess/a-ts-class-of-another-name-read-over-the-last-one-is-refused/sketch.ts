// ... existing code ...

export class GoneError extends AppError {
  constructor(message = "not found") {
    super(message, 404);
  }
}
