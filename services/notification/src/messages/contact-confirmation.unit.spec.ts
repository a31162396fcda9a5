import { CaseScript } from '../../test/cases';
import { submitterContactConfirmed } from './contact-confirmation';

describe("whether the submitter's address is known to be theirs", () => {
  it('a web form, an e-mail, Open311, a letter: given by someone nobody saw, so not confirmed', () => {
    for (const channel of ['web-form', 'email', 'open311', 'post', 'phone'] as const)
      expect(submitterContactConfirmed(new CaseScript({ channel }).history())).toBe(false);
  });

  it('taken by a registrar from the person at the desk: confirmed', () => {
    expect(submitterContactConfirmed(new CaseScript({ channel: 'in-person' }).history())).toBe(true);
  });

  it('a desk channel recorded by the platform itself, not by a person of staff: not confirmed', () => {
    const script = new CaseScript({ channel: 'in-person' });
    const [registered, ...rest] = script.history();
    if (registered?.type !== 'CaseRegistered') throw new Error('no registration');
    const bySystem = { ...registered, metadata: { ...registered.metadata, actor: { id: 'intake:web-form', role: 'system' as const } } };
    expect(submitterContactConfirmed([bySystem, ...rest])).toBe(false);
  });
});
