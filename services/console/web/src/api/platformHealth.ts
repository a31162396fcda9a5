import { z } from 'zod';
import { ApiError } from './errors';
import { goToSignIn } from './signIn';

const up = z.enum(['up', 'down']);
const count = z.number().int().nonnegative();

/** The console server's own `GET /platform/health` (ops only): not a service behind /api, so not in the OpenAPI clients. */
export const platformHealthSchema = z.object({
  checkedAt: z.string(),
  services: z.array(
    z.object({
      name: z.string(),
      status: up,
      details: z.record(z.object({ status: up })).default({}),
      requestsTotal: count,
      errorsTotal: count,
    }),
  ),
  relay: z.object({ unpublishedEvents: count, oldestUnpublishedSeconds: z.number().nonnegative() }),
  consumers: z.array(z.object({ service: z.string(), group: z.string(), lag: count })),
  deadLetters: z.array(z.object({ service: z.string(), topic: z.string(), messages: count })),
  failedNotifications: z.array(z.object({ tenant: z.string(), channel: z.string(), count })),
});

export type PlatformHealth = z.infer<typeof platformHealthSchema>;

/** The answer was not the agreed shape: shown as "unavailable", never half-drawn. */
export class UnexpectedAnswerError extends Error {
  constructor(readonly issues: string) {
    super(`unexpected answer from /platform/health: ${issues}`);
    this.name = 'UnexpectedAnswerError';
  }
}

export async function fetchPlatformHealth(signal?: AbortSignal): Promise<PlatformHealth> {
  const response = await fetch('/platform/health', { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal });
  if (response.status === 401) goToSignIn();
  if (!response.ok) throw new ApiError(response.status, undefined);
  const parsed = platformHealthSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new UnexpectedAnswerError(parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
  return parsed.data;
}
