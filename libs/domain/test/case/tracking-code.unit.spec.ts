import { foldCase, mapPersonalData } from '../../src/case';
import { at, command, given, registeredEvent, registration } from './fixtures';

/** A made-up code in intake's shape (Crockford base32, eight groups of four). */
const CODE = '7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2';
const withCode = { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg', trackingCode: CODE } as const;

describe('the tracking code in the submitter (the acknowledgement carries it)', () => {
  it('RegisterCase carries the code the application issued into CaseRegistered, as given', () => {
    given([])
      .when(command('RegisterCase', registration({ submitter: withCode }), { now: at(2) }))
      .then([registeredEvent({ submitter: withCode })]);
  });

  it('the decider never makes one up: without a code the event has none', () => {
    given([])
      .when(command('RegisterCase', registration(), { now: at(2) }))
      .then([registeredEvent()]);
    const anonymous = registeredEvent({ submitter: null });
    expect(anonymous.data.submitter).toBeNull();
    expect(JSON.stringify(registeredEvent())).not.toContain('trackingCode');
  });

  it('is personal data: encrypted with the submitter object, and gone when it is erased', () => {
    const event = registeredEvent({ submitter: withCode });
    const seen: unknown[] = [];
    const encrypted = mapPersonalData(event, (value) => {
      seen.push(value);
      return 'ciphertext';
    });
    expect(seen).toContainEqual(withCode);
    expect(JSON.stringify(encrypted)).not.toContain(CODE);
    expect(JSON.stringify(mapPersonalData(event, () => null))).not.toContain(CODE);
  });

  it('never reaches the folded state (what the desk and the audit state views show)', () => {
    const state = foldCase([registeredEvent({ submitter: withCode })]);
    expect(state).toMatchObject({ status: 'Registered', facts: { submitterGiven: true } });
    expect(JSON.stringify(state)).not.toContain(CODE);
  });
});
