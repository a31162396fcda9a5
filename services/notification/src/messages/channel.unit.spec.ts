import { chooseChannel, type Reachability } from './channel';

describe('the channel a message goes by', () => {
  const person = (changes: Partial<Reachability>): Reachability => ({ arrivedBy: 'web-form', hasEmail: true, hasPhone: true, ...changes });
  const notice = { written: false };
  const answer = { written: true };

  it('respects the chosen channel when there is a contact for it', () => {
    expect(chooseChannel(person({ preferredChannel: 'email' }), notice)).toBe('email');
    expect(chooseChannel(person({ preferredChannel: 'phone' }), notice)).toBe('sms');
    expect(chooseChannel(person({ preferredChannel: 'post' }), notice)).toBe('letter');
    expect(chooseChannel(person({ preferredChannel: 'in-person' }), notice)).toBe('letter');
  });

  it('without a preference, the channel the submission came in by', () => {
    expect(chooseChannel(person({ arrivedBy: 'post' }), notice)).toBe('letter');
    expect(chooseChannel(person({ arrivedBy: 'hotline' }), notice)).toBe('sms');
    expect(chooseChannel(person({ arrivedBy: 'email' }), notice)).toBe('email');
  });

  it('falls back to e-mail, then SMS, then a letter the registrar prints', () => {
    expect(chooseChannel(person({ preferredChannel: 'email', hasEmail: false }), notice)).toBe('sms');
    expect(chooseChannel(person({ preferredChannel: 'phone', hasPhone: false }), notice)).toBe('email');
    expect(chooseChannel(person({ preferredChannel: 'email', hasEmail: false, hasPhone: false }), notice)).toBe('letter');
  });

  it('a written answer never goes as an SMS: by e-mail if there is one, else on paper', () => {
    expect(chooseChannel(person({ preferredChannel: 'phone' }), answer)).toBe('email');
    expect(chooseChannel(person({ preferredChannel: 'phone', hasEmail: false }), answer)).toBe('letter');
    expect(chooseChannel(person({ preferredChannel: 'email' }), answer)).toBe('email');
    expect(chooseChannel(person({ preferredChannel: 'post' }), answer)).toBe('letter');
  });
});
