/**
 * A problem the user caused and can fix (bad option, unknown command, not allowed). Its message
 * is safe to show. Anything else that escapes a handler is a bug: adapters log it and show a
 * generic apology instead.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
