/** A refusal the command line prints as is: the folder or option, and what to change. Exits with 1. */
export class CreateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CreateError';
  }
}
