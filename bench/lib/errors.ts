/** The data a benchmark set up is not what it expected: its comparison would mean nothing, so it stops. */
export class BenchSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchSetupError';
  }
}
