/** A problem with the command line or its input: reported in one line, exit status 2. */
export class UsageError extends Error {}
