/**
 * The one error type a person is meant to read: a problem they can fix (a setting, an argument, the corpus
 * folder) or a failure told in words. It is printed as its message alone, without a stack, and ends the
 * program with its exit code: 2 (the contract's "usage or configuration problem") unless told otherwise.
 */
export class UserError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number } = {}) {
    super(message);
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? 2;
  }
}
