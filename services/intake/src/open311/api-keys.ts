import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '@civic/domain';
import { productionRule } from '@civic/platform';
import { z } from 'zod';
import { ApiKeyRejectedError } from './errors';

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/** One Open311 client's key for one tenant: only its SHA-256 is kept (`hashed`: it was configured so). */
export interface ApiKeyEntry {
  tenant: string;
  digest: Buffer;
  hashed: boolean;
}

const TENANT = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/**
 * Printable ASCII without spaces or commas, at least 32 characters: 128 random bits written in hex (what
 * `developmentOpen311Keys` and `scripts/open311-key.mjs` issue) is 32; a key people made up is not enough.
 */
const KEY = /^[\x21-\x2b\x2d-\x7e]{32,200}$/;
/** A key configured by its SHA-256 only (`tenant:sha256:<64 hex digits>`): the setting then holds no key at all. */
const HASHED = /^sha256:([0-9a-f]{64})$/;

/**
 * `OPEN311_API_KEYS`: `tenant:key` or `tenant:sha256:<hex>` entries, comma-separated. A tenant may have several
 * keys (one per client app); a bad entry is named by its position, never by its key. Empty (the default): no
 * client may POST.
 */
export const open311ApiKeysSchema = productionRule(
  z
    .string()
    .default('')
    .transform((raw, ctx): ApiKeyEntry[] => {
      const entries = raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      return entries.flatMap((entry, index) => {
        const colon = entry.indexOf(':');
        const tenant = colon < 0 ? '' : entry.slice(0, colon);
        const key = colon < 0 ? '' : entry.slice(colon + 1);
        const hashed = HASHED.exec(key);
        if (!TENANT.test(tenant) || (!hashed && !KEY.test(key))) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `entry ${index + 1} must be tenant:sha256:<64 hex digits>, or tenant:key with a key of 32 to 200 printable characters without spaces or commas`,
          });
          return [];
        }
        return [{ tenant, digest: hashed ? Buffer.from(hashed[1], 'hex') : digest(key), hashed: hashed !== null }];
      });
    }),
  // The setting then holds no key anyone could read off a server's environment, a process list or a backup.
  (entries) =>
    (entries as ApiKeyEntry[]).some((entry) => !entry.hashed)
      ? 'must name each key by its SHA-256 (tenant:sha256:<hex>) in production'
      : undefined,
);

/** The client an accepted key belongs to: known by a digest of its key, never by the key. */
export interface Open311Client {
  tenant: string;
  /** The first 12 hex digits of the key's SHA-256: tells clients apart in the case's events and in logs. */
  keyId: string;
}

/** Checks `api_key` for a jurisdiction, in constant time per configured key. */
export class ApiKeys {
  private readonly entries: { tenant: string; digest: Buffer }[];

  constructor(entries: readonly ApiKeyEntry[]) {
    this.entries = entries.map(({ tenant, digest: kept }) => ({ tenant, digest: kept }));
  }

  /**
   * The client whose key this is for the tenant, or ApiKeyRejectedError (403). `issued`: the digests of the keys
   * issued through the API for the tenant (open311clients-<tenant>), beside the configured ones.
   */
  clientFor(tenant: string, apiKey: unknown, issued: readonly Buffer[] = []): Open311Client {
    if (typeof apiKey !== 'string' || apiKey === '') throw new ApiKeyRejectedError('missing');
    const sent = digest(apiKey);
    // Compare with every key of the tenant, so the time taken says nothing about which one came close.
    const configured = this.entries.filter((entry) => entry.tenant === tenant).map((entry) => entry.digest);
    const matched = [...configured, ...issued].filter((kept) => timingSafeEqual(kept, sent)).length > 0;
    if (!matched) throw new ApiKeyRejectedError('invalid');
    return { tenant, keyId: sent.toString('hex').slice(0, 12) };
  }
}

/** Who registers a case for an Open311 client: the platform, on behalf of that client's key. */
export const open311Actor = (client: Open311Client): Actor => ({ id: `open311:${client.keyId}`, role: 'system' });
