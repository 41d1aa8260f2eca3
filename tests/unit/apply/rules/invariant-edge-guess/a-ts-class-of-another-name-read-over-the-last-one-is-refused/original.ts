export class AppError extends Error {
  constructor(message: string, public status = 500) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "not found") {
    super(message, 404);
  }
}
