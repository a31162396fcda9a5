import { uniqueName } from '@civic/testing';
import { RelayLease, type RelayState } from '../src';
import { openWorld, RELAY_STATE_BACKENDS, type World } from './int-helpers';

/** The lease and the checkpoint alone, on each backend: single atomic conditional writes are all they rely on. */
describe.each(RELAY_STATE_BACKENDS)('the relay state in %s', (backend) => {
  let world: World;
  let state: RelayState;

  beforeAll(async () => {
    world = await openWorld('relaystate', backend);
    state = world.state;
  });

  afterAll(async () => {
    await world?.close();
  });

  describe('the lease', () => {
    it('goes to exactly one of several owners acquiring at once', async () => {
      const name = uniqueName('relay');
      const leases = Array.from({ length: 8 }, (_, i) => new RelayLease(state.leases, name, `owner-${i}`, 5_000));
      const acquired = await Promise.all(leases.map((lease) => lease.tryAcquire()));
      expect(acquired.filter(Boolean)).toHaveLength(1);
      const winner = leases[acquired.indexOf(true)];
      expect(await winner.holder()).toMatchObject({ owner: winner.owner });
      expect(await winner.tryAcquire()).toBe(true);
    });

    it('once expired, goes to exactly one of several owners taking it over at once', async () => {
      let now = 3_000_000;
      const clock = () => now;
      const name = uniqueName('relay');
      expect(await new RelayLease(state.leases, name, 'old', 3_000, clock).tryAcquire()).toBe(true);
      now += 3_000;
      const leases = Array.from({ length: 8 }, (_, i) => new RelayLease(state.leases, name, `owner-${i}`, 3_000, clock));
      const acquired = await Promise.all(leases.map((lease) => lease.tryAcquire()));
      // PostgreSQL's single statement gives it to one. FerretDB 1.x checks an update's filter and applies its
      // write apart (FerretDB/FerretDB#3040), so there several may take it at once; their first renewals
      // leave it with one, and the others step down (duplicates in between, which consumers remove).
      if (backend === 'PostgreSQL') expect(acquired.filter(Boolean)).toHaveLength(1);
      const takers = leases.filter((_, i) => acquired[i]);
      const renewed = await Promise.all(takers.map((lease) => lease.renew()));
      expect(renewed.filter(Boolean)).toHaveLength(1);
      expect(await leases[0].holder()).toMatchObject({ owner: takers[renewed.indexOf(true)].owner });
    });

    it('can be renewed only by its holder, and passes on once expired or released', async () => {
      let now = 1_000_000;
      const clock = () => now;
      const name = uniqueName('relay');
      const a = new RelayLease(state.leases, name, 'a', 3_000, clock);
      const b = new RelayLease(state.leases, name, 'b', 3_000, clock);
      expect(await a.tryAcquire()).toBe(true);
      expect(await b.tryAcquire()).toBe(false);
      expect(await b.renew()).toBe(false);

      now += 2_000;
      expect(await a.renew()).toBe(true);
      now += 2_000; // 4 s after acquiring, 2 s after renewing: still a's
      expect(await b.tryAcquire()).toBe(false);
      expect(a.isHeld()).toBe(true);

      now += 1_500; // expired
      expect(a.isHeld()).toBe(false);
      expect(await b.tryAcquire()).toBe(true);
      expect(await a.renew()).toBe(false);

      await b.release();
      expect(await a.tryAcquire()).toBe(true);
    });

    it('is released only by its holder; a released or expired lease has no holder', async () => {
      let now = 2_000_000;
      const clock = () => now;
      const name = uniqueName('relay');
      const a = new RelayLease(state.leases, name, 'a', 3_000, clock);
      const b = new RelayLease(state.leases, name, 'b', 3_000, clock);
      expect(await a.holder()).toBeUndefined();
      expect(await a.tryAcquire()).toBe(true);

      await b.release();
      expect(await b.holder()).toMatchObject({ owner: 'a', expiresAt: new Date(now + 3_000) });
      expect(await b.tryAcquire()).toBe(false);

      await a.release();
      expect(a.isHeld()).toBe(false);
      expect(await b.holder()).toBeUndefined();

      expect(await b.tryAcquire()).toBe(true);
      now += 3_000;
      expect(await a.holder()).toBeUndefined();
    });
  });

  describe('the checkpoint', () => {
    it('is absent for a relay that never saved one, and then the last position saved', async () => {
      const name = uniqueName('relay');
      expect(await state.checkpoints.load(name)).toBeUndefined();
      await state.checkpoints.save(name, '100:7', 'a');
      expect(await state.checkpoints.load(name)).toBe('100:7');
      await state.checkpoints.save(name, '104:9', 'b');
      expect(await state.checkpoints.load(name)).toBe('104:9');
    });

    it('is kept per relay name', async () => {
      const [first, second] = [uniqueName('relay'), uniqueName('relay')];
      await state.checkpoints.save(first, '1:1', 'a');
      await state.checkpoints.save(second, '2:2', 'a');
      expect(await state.checkpoints.load(first)).toBe('1:1');
      expect(await state.checkpoints.load(second)).toBe('2:2');
    });
  });
});
