/** A case of a tenant this deployment has no charter for: no retry can help. */
export class UnknownTenantError extends Error {
  constructor(readonly tenant: string) {
    super(`no tenant "${tenant}" is served here`);
    this.name = 'UnknownTenantError';
  }
}
