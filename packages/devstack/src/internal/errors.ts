/** An error of the local stack, with what to do about it. */
export class StackError extends Error {
  override name = "StackError";
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(details ? `${message}\n${details}` : message);
  }
}
