/** The closed table of error codes every function may return, each with its meaning. */
export const ERROR_CODES = {
  BAD_REQUEST: 'the event is not {action, input}',
  UNKNOWN_ACTION: 'the function has no such action',
  INVALID_INPUT: 'the input does not match the action schema; see issues',
  UNAUTHENTICATED: 'no WeChat identity reached the function',
  FORBIDDEN: "the caller's role may not call this action",
  NOT_FOUND: 'the requested record does not exist or is not visible to the caller',
  CONFLICT: 'the record is not in a state that allows this change',
  RATE_LIMITED: 'too many requests of this kind; try later',
  INTERNAL: 'an unexpected server error; details are in the server log only',
} as const;

/** One of the closed set of error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A validation problem, flattened for the client: where and what. */
export interface Issue {
  path: string;
  message: string;
}

/** The error half of the envelope. */
export interface ResultError {
  code: ErrorCode;
  message: string;
  issues?: Issue[];
}

/** The one response envelope of every function action. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ResultError };

/** Builds a success envelope. */
export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

/** Builds an error envelope. */
export function fail(code: ErrorCode, message: string, issues?: Issue[]): { ok: false; error: ResultError } {
  return issues && issues.length > 0 ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}

/** Thrown inside handlers for expected failures; the runtime turns it into `fail(code, message)`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
