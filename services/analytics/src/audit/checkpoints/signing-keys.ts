import { Inject, Injectable } from '@nestjs/common';
import { publishedSigningKey, type CheckpointSigner, type PublishedSigningKey } from '@civic/event-store';
import { SERVICE_CONFIG } from '@civic/platform';
import type { AnalyticsConfig } from '../../config';

/** The signing port's adapter in use (key-file-signer.ts in development; a KMS or HSM adapter later). */
export const CHECKPOINT_SIGNER = Symbol('CHECKPOINT_SIGNER');

/**
 * The keys checkpoints are verified with: the signer's own and the retired ones from the configuration,
 * never from the database (whoever writes there must not be able to add a key of their own).
 */
@Injectable()
export class SigningKeys {
  private readonly keys: PublishedSigningKey[];

  constructor(
    @Inject(CHECKPOINT_SIGNER) signer: CheckpointSigner,
    @Inject(SERVICE_CONFIG) config: Pick<AnalyticsConfig, 'ANALYTICS_CHECKPOINT_RETIRED_KEYS'>,
  ) {
    const retired = (config.ANALYTICS_CHECKPOINT_RETIRED_KEYS ?? []).filter((key) => key !== signer.publicKey);
    this.keys = [publishedSigningKey(signer.publicKey, 'current'), ...retired.map((key) => publishedSigningKey(key, 'retired'))];
  }

  published(): PublishedSigningKey[] {
    return this.keys;
  }
}
