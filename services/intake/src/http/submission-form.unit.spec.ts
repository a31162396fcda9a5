import { submissionForm } from './submission-form';

const file = (fieldname: string, originalname: string, content = 'x') => ({ fieldname, originalname, buffer: Buffer.from(content) });

describe('a multipart submission read into the service’s terms (C1)', () => {
  it('the submission part as the JSON body, the attachments parts as uploads in order', () => {
    const { body, form } = submissionForm({ submission: '{"kind":"complaint"}' }, [
      file('attachments', 'a.pdf'),
      file('attachments', 'b.png'),
    ]);
    expect(body).toEqual({ kind: 'complaint' });
    expect(form).toEqual({
      submissionRead: true,
      problems: [],
      uploads: [
        { name: 'a.pdf', bytes: Buffer.from('x') },
        { name: 'b.png', bytes: Buffer.from('x') },
      ],
    });
  });

  it('names a missing or unreadable submission, and parts of unknown names', () => {
    expect(submissionForm({}, []).form).toMatchObject({
      submissionRead: false,
      problems: [{ field: 'submission', reason: expect.stringContaining('required') }],
    });
    expect(submissionForm({ submission: '{not json' }, []).form.problems).toEqual([{ field: 'submission', reason: 'is not valid JSON' }]);
    expect(submissionForm({ submission: ['{}', '{}'] }, []).form.problems).toEqual([
      { field: 'submission', reason: 'must be sent once, as JSON text' },
    ]);
    const { form } = submissionForm({ submission: '{}', note: 'hi' }, [file('photo', 'a.png')]);
    expect(form.problems).toEqual([
      { field: 'note', reason: expect.stringContaining('not a known part') },
      { field: 'photo', reason: expect.stringContaining('files go in parts named attachments') },
    ]);
    expect(form.uploads).toEqual([]);
  });
});
