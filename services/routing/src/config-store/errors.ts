/** A tenant slug the deployment does not serve (no charter file for it). */
export class UnknownTenantError extends Error {
  constructor(readonly tenant: string) {
    super(`No tenant "${tenant}" is served here`);
    this.name = 'UnknownTenantError';
  }
}
