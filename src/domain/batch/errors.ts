// The error type of the file check: an input we cannot read, with a French message for the user.

/** An input we cannot read, with a message for the user. */
export class BatchInputError extends Error {
  override name = 'BatchInputError';
}
