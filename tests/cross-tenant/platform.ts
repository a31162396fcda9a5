import { randomUUID } from 'node:crypto';
import { DevIssuer, open311KeysSetting, SEED_TENANTS, type SeedTenant } from '@civic/auth';
import { PLATFORM_SERVICES, startPlatformProcesses, type PlatformService, type RunningPlatform } from '@civic/testing';

export const SERVICES = PLATFORM_SERVICES;
export type Service = PlatformService;

export interface Platform extends RunningPlatform {
  issuer: DevIssuer;
  /** Each tenant's Open311 API key. */
  open311Keys: Record<SeedTenant, string>;
}

/** The five services as processes on the real servers, trusting the test's token issuer, on the standing test clock. */
export async function startPlatform(options: { portal?: boolean; clockFile?: string } = {}): Promise<Platform> {
  const issuer = await DevIssuer.start();
  const open311Keys = Object.fromEntries(SEED_TENANTS.map((tenant) => [tenant, `${tenant}-${randomUUID()}`])) as Record<SeedTenant, string>;
  try {
    const running = await startPlatformProcesses({ ...options, issuer, open311Keys: open311KeysSetting(open311Keys) });
    return {
      ...running,
      issuer,
      open311Keys,
      stop: async () => {
        await running.stop();
        await issuer.stop();
      },
    };
  } catch (error) {
    await issuer.stop();
    throw error;
  }
}
