/**
 * A value that is costly to compute (a Kafka admin round trip, a database count), read at scrape time: computed
 * at most once per `ttlMs`, and never holding a scrape longer than `timeoutMs`. When a refresh is slow or fails,
 * the scrape gets the last value known (or undefined before the first), and the refresh goes on in the
 * background so the next scrape has it.
 */
export class CachedProbe<T> {
  private value?: T;
  private at = -Infinity;
  private refreshing?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly compute: () => Promise<T>,
    private readonly options: { ttlMs: number; timeoutMs: number; now?: () => number; onError?: (error: unknown) => void },
  ) {}

  async read(): Promise<T | undefined> {
    const now = this.options.now ?? Date.now;
    if (this.stopped || now() - this.at < this.options.ttlMs) return this.value;
    this.refreshing ??= this.compute()
      .then(
        (value) => {
          this.value = value;
          this.at = now();
        },
        (error: unknown) => this.options.onError?.(error),
      )
      .finally(() => (this.refreshing = undefined));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.timeoutMs)));
    await Promise.race([this.refreshing, timeout]);
    clearTimeout(timer);
    return this.value;
  }

  /**
   * No refresh starts any more; resolves once the one under way (if any) has ended, so that what it uses (a
   * Kafka admin client) can be closed under no one's feet.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.refreshing;
  }
}
