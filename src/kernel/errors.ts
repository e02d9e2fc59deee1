/** One error type for the whole system; the HTTP layer maps `status` once. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorDetails {
  fields?: FieldError[];
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(code: string, message: string, details?: ErrorDetails): AppError {
    return new AppError(code, message, 400, details);
  }

  /** Several fields at once (all of a request's errors): 400 `validation_failed`, each named. */
  static fields(fields: FieldError[]): AppError {
    return new AppError('validation_failed', fields.map((f) => `${f.field}: ${f.message}`).join('；'), 400, { fields });
  }

  static field(field: string, message: string, code = 'invalid_field'): AppError {
    return new AppError(code, `${field}: ${message}`, 400, { fields: [{ field, message }] });
  }

  static unauthorized(message = '请先登录'): AppError {
    return new AppError('unauthorized', message, 401);
  }

  static forbidden(message = '无权访问此区域或操作', details?: ErrorDetails): AppError {
    return new AppError('forbidden', message, 403, details);
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('not_found', `${what} ${id} 不存在`, 404, { entity: what, id });
  }

  static conflict(code: string, message: string, details?: ErrorDetails): AppError {
    return new AppError(code, message, 409, details);
  }
}
