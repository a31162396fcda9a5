import { mapPersonalData, type StoredCaseEvent } from '@civic/domain';
import { caseEventPrivacy, mapPaths, pathsHolding } from '../../src/privacy';
import { caseRegistered, satisfactionRecorded } from './case-events';

const mark = (value: unknown, path: string) => `<${path}:${JSON.stringify(value)}>`;

describe('personal-data paths', () => {
  it('replaces a top-level value, whatever its type, and nothing else', () => {
    const data = { name: 'Ана', contact: { email: 'ana@example.bg' }, kind: 'signal' };
    expect(mapPaths(data, ['name', 'contact'], mark)).toEqual({
      name: '<name:"Ана">',
      contact: '<contact:{"email":"ana@example.bg"}>',
      kind: 'signal',
    });
    expect(data.name).toBe('Ана');
  });

  it('replaces a field of every array element, skipping elements without it, nulls and non-objects', () => {
    const data = { attachments: [{ name: 'a.pdf', size: 1 }, { size: 2 }, { name: null, size: 3 }, null, 'x'] };
    expect(mapPaths(data, ['attachments[].name'], mark)).toEqual({
      attachments: [{ name: '<attachments[].name:"a.pdf">', size: 1 }, { size: 2 }, { name: null, size: 3 }, null, 'x'],
    });
  });

  it('leaves absent and null values alone: there is nothing to protect', () => {
    const data = { submitter: null, comment: undefined, flags: null };
    expect(mapPaths(data, ['submitter', 'comment', 'missing', 'flags[].matched'], mark)).toEqual(data);
  });

  it('lists the paths holding a matching value', () => {
    const data = { text: 'x', comment: null, attachments: [{ name: 'a' }, { name: 'b' }] };
    expect(pathsHolding(data, ['text', 'comment', 'attachments[].name'], () => true)).toEqual(['text', 'attachments[].name']);
    expect(pathsHolding(data, ['text', 'attachments[].name'], (v) => v === 'b')).toEqual(['attachments[].name']);
  });

  it("agrees with the domain's mapPersonalData on case events, old and new versions", () => {
    const v1 = {
      type: 'CaseRegistered',
      data: {
        submitterName: 'Ана',
        submitterEmail: null,
        submitterPhone: '0888',
        submitterAddress: 'ул. 1',
        text: 't',
        attachments: [{ name: 'f' }],
      },
      metadata: { schemaVersion: 1 },
    };
    const events = [
      caseRegistered('c', 's'),
      caseRegistered('c', 's', { submitter: null, attachments: [] }),
      satisfactionRecorded('c', 's'),
      v1,
    ];
    for (const event of events) {
      const ours = mapPaths(event.data, caseEventPrivacy.personalPaths(event), mark);
      expect(ours).toEqual(mapPersonalData(event as unknown as StoredCaseEvent, mark).data);
    }
  });
});
