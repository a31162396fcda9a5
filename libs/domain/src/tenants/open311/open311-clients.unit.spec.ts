import type { Actor } from '../../case/roles';
import {
  decideOpen311Clients,
  evolveOpen311Clients,
  initialOpen311Clients,
  keysInUse,
  type Open311ClientsCommand,
  type Open311ClientsState,
} from './open311-clients';

const admin: Actor = { id: 'sopot:tenant-admin', role: 'tenant-admin' };
const metadata = (actor: Actor = admin) => ({
  tenant: 'sopot',
  actor,
  commandId: 'c',
  correlationId: 'k',
  now: '2026-12-06T08:00:00.000Z',
});
const issue = (client: string, keyId: string, actor?: Actor): Open311ClientsCommand => ({
  type: 'IssueOpen311Key',
  data: { client, keyId, digest: `${keyId}${'0'.repeat(52)}` },
  metadata: metadata(actor),
});
const revoke = (keyId: string): Open311ClientsCommand => ({
  type: 'RevokeOpen311Key',
  data: { keyId, reason: 'leaked' },
  metadata: metadata(),
});

function apply(state: Open311ClientsState, command: Open311ClientsCommand) {
  const result = decideOpen311Clients(command, state);
  return result.ok
    ? { state: result.events.reduce(evolveOpen311Clients, state), rejection: undefined }
    : { state, rejection: result.rejection };
}

describe("a municipality's Open311 clients and their keys", () => {
  it('issues a key per client, revokes it once, and a revoked client may get a new one', () => {
    let { state } = apply(initialOpen311Clients(), issue('city-app', 'aaaaaaaaaaaa'));
    expect(apply(state, issue('city-app', 'bbbbbbbbbbbb')).rejection).toMatchObject({ type: 'ClientNameInUse', field: 'client' });
    ({ state } = apply(state, revoke('aaaaaaaaaaaa')));
    expect(state.keys[0]).toMatchObject({ revokedBy: admin.id, revocationReason: 'leaked' });
    expect(apply(state, revoke('aaaaaaaaaaaa')).rejection?.type).toBe('KeyAlreadyRevoked');
    expect(apply(state, revoke('cccccccccccc')).rejection?.type).toBe('KeyNotFound');
    ({ state } = apply(state, issue('city-app', 'bbbbbbbbbbbb')));
    expect(keysInUse(state).map((key) => key.keyId)).toEqual(['bbbbbbbbbbbb']);
  });

  it('only the tenant admin and the platform operator manage them', () => {
    expect(apply(initialOpen311Clients(), issue('x', 'aaaaaaaaaaaa', { id: 'sopot:officer', role: 'officer' })).rejection?.type).toBe(
      'NotPermittedForRole',
    );
    expect(
      apply(initialOpen311Clients(), issue('x', 'aaaaaaaaaaaa', { id: 'platform:op', role: 'platform-operator' })).rejection,
    ).toBeUndefined();
  });
});
