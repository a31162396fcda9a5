import { randomUUID } from 'node:crypto';

/** One request kind, sent again with the same Idempotency-Key until it is accepted, as a careful client does. */
export interface Accepted {
  key: string;
  caseId: string;
  registryNumber: string;
  dueDate?: string;
  /** The submitter's e-mail address (citizens only). */
  email?: string;
  /** The clock file's instant when it was accepted. */
  acceptedAt: string;
}

export interface ClientFigures {
  name: string;
  sent: number;
  accepted: number;
  /** Given up after the retry budget: intended, never accepted. */
  gaveUp: number;
  /** Answers that were neither the success nor a retryable refusal (a 4xx other than 409/429, a 500). */
  unexpected: string[];
  /** The longest time from a request's first failed attempt to its acceptance. */
  longestOutageMs: number;
  /** Requests that were retried at least once. */
  retried: number;
  /** 500 answers on the way (retried): a server that is down should be a 503, never a 500. */
  serverErrors: number;
}

const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);
const RETRY_EVERY_MS = 500;
const GIVE_UP_AFTER_MS = 180_000;

/** Sends requests at a steady rate while `running()`; each is retried until accepted. */
export class SteadyClient {
  readonly accepted: Accepted[] = [];
  private readonly figures: ClientFigures;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    name: string,
    private readonly everyMs: number,
    private readonly send: (key: string, attempt: number) => Promise<Response>,
    private readonly read: (body: Record<string, unknown>, key: string) => Accepted,
    private readonly successStatus: number,
  ) {
    this.figures = { name, sent: 0, accepted: 0, gaveUp: 0, unexpected: [], longestOutageMs: 0, retried: 0, serverErrors: 0 };
  }

  async run(running: () => boolean): Promise<void> {
    while (running()) {
      const request = this.one().finally(() => this.inFlight.delete(request));
      this.inFlight.add(request);
      await new Promise((resolve) => setTimeout(resolve, this.everyMs));
    }
    await Promise.all(this.inFlight);
  }

  report(): ClientFigures {
    return { ...this.figures, unexpected: [...this.figures.unexpected] };
  }

  private async one(): Promise<void> {
    const key = randomUUID();
    this.figures.sent += 1;
    const started = Date.now();
    let firstFailure: number | undefined;
    for (let attempt = 1; Date.now() - started < GIVE_UP_AFTER_MS; attempt++) {
      let status = 0;
      let text = '';
      try {
        const response = await this.send(key, attempt);
        status = response.status;
        text = await response.text();
      } catch (error) {
        text = (error as Error).message;
      }
      if (status === this.successStatus) {
        this.accepted.push(this.read(JSON.parse(text) as Record<string, unknown>, key));
        this.figures.accepted += 1;
        if (firstFailure !== undefined) {
          this.figures.retried += 1;
          this.figures.longestOutageMs = Math.max(this.figures.longestOutageMs, Date.now() - firstFailure);
        }
        return;
      }
      if (status !== 0 && !RETRYABLE.has(status)) {
        this.figures.unexpected.push(`${status} ${text.slice(0, 300)}`);
        return;
      }
      if (status === 500) this.figures.serverErrors += 1;
      firstFailure ??= Date.now();
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
    this.figures.gaveUp += 1;
  }
}
