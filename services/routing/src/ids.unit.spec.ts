import { commandIdFor, nameBasedId } from './ids';

describe('name-based command ids', () => {
  it('are RFC 9562 version 5 UUIDs: the DNS-namespace example gives the published value', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') == 886313e1-3b8a-5372-9b90-0c9aee199e5d
    expect(nameBasedId('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('a redelivered event gives the same command ids; each command its own', () => {
    const eventId = '0b8e6a43-8e0c-4b8f-9d4e-7c1f2a3b4c5d';
    expect(commandIdFor(eventId, 'RouteCase')).toBe(commandIdFor(eventId, 'RouteCase'));
    expect(commandIdFor(eventId, 'RouteCase')).not.toBe(commandIdFor(eventId, 'AssignCase'));
    expect(commandIdFor(eventId, 'RouteCase')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
