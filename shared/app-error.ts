/**
 * The one error type that crosses every boundary (core -> IPC/HTTP -> renderer, core -> CLI).
 * `code` is stable for programs; `message` is a sentence an office worker can act on.
 */
export const ERROR_CODES = ['invalid', 'not_found', 'duplicate', 'conflict', 'unauthorized', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** Dotted path of the input field, e.g. `email` or `supervisor.email`. */
  field: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  fields?: FieldProblem[];
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly fields?: FieldProblem[];

  constructor(code: ErrorCode, message: string, fields?: FieldProblem[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields?.length) this.fields = fields;
  }

  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }

  static from(value: unknown): AppError {
    if (value instanceof AppError) return value;
    if (isAppErrorShape(value)) return new AppError(value.code, value.message, value.fields);
    return new AppError('internal', 'Something went wrong inside HMIS Access Desk. Try again; if it keeps happening, send the log to your administrator.');
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && ERROR_CODES.includes(v.code as ErrorCode);
}

/** What every transport returns: never a thrown exception across a process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
