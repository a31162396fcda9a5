import { caseDecider, type RegisterCase } from '../../src/case';
import { at, command, given, registration } from './fixtures';

const registered = (data: Partial<RegisterCase['data']>) => {
  const result = caseDecider.decide(command('RegisterCase', registration(data), { now: at(2) }), caseDecider.initialState());
  if (!result.ok) throw new Error(result.rejection.type);
  return { event: result.events[0], state: result.events.reduce(caseDecider.evolve, caseDecider.initialState()) };
};

// Sopot's charter: the mayor, the deputy mayor and the secretary each receive citizens on their reception days;
// Momchilgrad's: citizens meet the leadership. The case records which official received it.
describe('RegisterCase: who received it in person', () => {
  it('a reception-day case names the official; the event and the facts keep it', () => {
    const { event, state } = registered({ channel: 'reception-day', receivedBy: 'deputy-mayor' });
    expect(event.data).toMatchObject({ channel: 'reception-day', receivedBy: 'deputy-mayor' });
    expect(state).toMatchObject({ facts: { channel: 'reception-day', receivedBy: 'deputy-mayor' } });
  });

  it('a reception-day case without the official is refused (ReceiverRequired)', () => {
    given([])
      .when(command('RegisterCase', registration({ channel: 'reception-day' }), { now: at(2) }))
      .then('ReceiverRequired');
  });

  it('a meeting with the leadership may name the official; a letter may not (ReceiverNotApplicable)', () => {
    expect(registered({ channel: 'leadership-meeting', receivedBy: 'mayor' }).state).toMatchObject({ facts: { receivedBy: 'mayor' } });
    given([])
      .when(command('RegisterCase', registration({ channel: 'post', receivedBy: 'secretary' }), { now: at(2) }))
      .then('ReceiverNotApplicable');
  });

  it('other channels record nobody, and their event has no such field', () => {
    const { event, state } = registered({ channel: 'post' });
    expect(event.data).not.toHaveProperty('receivedBy');
    expect(state).toMatchObject({ facts: { receivedBy: null } });
  });
});
