/** The part of a pino logger the messaging code uses, so services pass theirs and tests pass none. */
export interface MessagingLogger {
  info(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

export const silentLogger: MessagingLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
