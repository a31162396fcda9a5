/** The confirmation link's token as notification issues it: 32 random bytes, base64url. */
export const CONFIRMATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type ConfirmationOutcome = 'confirmed' | 'unknown' | 'expired';

/** notification did not answer, or answered with a fault: the citizen is told to try again. */
export class NotificationUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`notification did not answer: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'NotificationUnavailableError';
  }
}

/**
 * notification's one public route the portal calls: a submitter confirms their e-mail address with the token from
 * the acknowledgement's link (issue 21 item 5). No token of staff, nothing personal sent but the token.
 */
export class NotificationClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async confirm(tenant: string, token: string): Promise<ConfirmationOutcome> {
    let status: number;
    try {
      const response = await fetch(new URL(`/public/${encodeURIComponent(tenant)}/contact-confirmations`, this.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ token }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch (error) {
      throw new NotificationUnavailableError(error);
    }
    if (status === 200) return 'confirmed';
    if (status === 410) return 'expired';
    if (status === 400 || status === 404) return 'unknown';
    throw new NotificationUnavailableError(`status ${status}`);
  }
}
