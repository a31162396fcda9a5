import { maskPhone } from './delivery/sms';
import { nameBasedId, notificationIdFor, recordCommandIdFor } from './ids';
import { redactContacts } from './outbox/outbox.store';
import { developmentAddress as staffAddress } from './staff/development-contacts';

describe('ids, addresses and what may be kept in plain text', () => {
  it('name-based ids are RFC 9562 version 5 UUIDs: the DNS-namespace example gives the published value', () => {
    expect(nameBasedId('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('one notification id per (event, recipient, template); one record command per outcome', () => {
    const event = '0b8e6a43-8e0c-4b8f-9d4e-7c1f2a3b4c5d';
    const id = notificationIdFor(event, { kind: 'submitter' }, 'acknowledgement');
    expect(notificationIdFor(event, { kind: 'submitter' }, 'acknowledgement')).toBe(id);
    expect(notificationIdFor(event, { kind: 'staff', userId: 'ew-1' }, 'acknowledgement')).not.toBe(id);
    expect(notificationIdFor(event, { kind: 'submitter' }, 'answer')).not.toBe(id);
    expect(recordCommandIdFor(id, 'sent')).not.toBe(recordCommandIdFor(id, 'failed'));
  });

  it('development staff addresses are derived from the user id and the tenant', () => {
    expect(staffAddress('peshtera:officer', 'peshtera', 'civic.local')).toBe('peshtera.officer@peshtera.civic.local');
    expect(staffAddress('Secretary', 'sopot', 'civic.local')).toBe('secretary@sopot.civic.local');
  });

  it('errors kept in plain text lose addresses and phone numbers', () => {
    expect(redactContacts('550 5.1.1 <maria.petrova@example.bg>: mailbox unavailable; sms to +359 888 123 456 failed')).toBe(
      '550 5.1.1 <<address>>: mailbox unavailable; sms to <number> failed',
    );
    expect(maskPhone('+359 888 123 456')).toBe('+359*******56');
  });
});
