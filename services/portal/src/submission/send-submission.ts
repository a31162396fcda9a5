import type { IntakeAnswer, IntakeClient, OutgoingFile, CallContext } from '../intake/intake-client';
import type { Registration } from '../intake/public-api';
import type { SubmissionBody } from '../forms/submission-form';

/** How long a citizen's request waits, at most, for another request with the same key to finish (a double click). */
const WAIT_FOR_TWIN_MS = 15_000;

/**
 * Sends a submission to intake once, however often the citizen sends the form: the Idempotency-Key was made when
 * the form was shown. A twin request still under way (intake's 409 with Retry-After: a double click, or a retry
 * after a slow answer) is waited for, and its answer, the same case, is this one's too.
 */
export async function sendSubmission(
  intake: IntakeClient,
  input: { tenant: string; submission: SubmissionBody; files: OutgoingFile[]; idempotencyKey: string; context: CallContext },
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<IntakeAnswer<Registration>> {
  let waited = 0;
  for (;;) {
    const answer = await intake.submit(input.tenant, input.submission, input.files, input.idempotencyKey, input.context);
    const busy = !answer.ok && answer.status === 409 && answer.body.errors.some((error) => error.field === 'Idempotency-Key');
    if (!busy) return answer;
    const pause = Math.min(Math.max(answer.retryAfterSeconds ?? 1, 1), 3) * 1000;
    if (waited + pause > WAIT_FOR_TWIN_MS) return answer;
    await sleep(pause);
    waited += pause;
  }
}
