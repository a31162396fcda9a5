import { caseDecider, foldCase, type Language } from '@civic/domain';
import { caseCommand, DEFAULT_TENANTS_DIR, renderLetterPdf, TenantDirectory } from '@civic/platform';
import { pdfText } from '@civic/testing';
import { answerLetter } from './answer-letter';
import { WEB_FORM_ACTOR } from './case-command';
import { isRegistered } from './public-view';

const tenants = TenantDirectory.load(DEFAULT_TENANTS_DIR);
const peshtera = tenants.get('peshtera');
if (!peshtera) throw new Error('no seed tenant peshtera');

/** A case registered in the given language (the decider's own event), folded. */
function registeredIn(language: Language) {
  const command = caseCommand(
    {
      type: 'RegisterCase',
      data: {
        kind: 'complaint',
        channel: 'web-form',
        receivedAt: '2026-03-02T08:59:00.000Z',
        registryNumber: 'PSH-2026-000031',
        submitter: { name: 'Иван Петров', email: 'ivan@example.bg', language },
        text: 'Боклукът не е събиран.',
        attachments: [],
        healthSafetyThreat: false,
        language,
      },
    },
    {
      tenant: 'peshtera',
      caseId: '0b6f4a54-6a52-4f0e-9d4f-3c1c6f1f9a02',
      actor: WEB_FORM_ACTOR,
      correlationId: 'c-1',
      now: '2026-03-02T09:00:00.000Z',
    },
  );
  const decision = caseDecider.decide(command, foldCase([]));
  if (!decision.ok) throw new Error(decision.rejection.message.en);
  const state = foldCase(decision.events);
  if (!isRegistered(state)) throw new Error('not registered');
  return state;
}

// 23:30 UTC on 31 March is 1 April in Sofia: the letter is dated on the municipality's day.
const answer = { at: '2026-03-31T22:30:00.000Z', text: 'Боклукът ще бъде събран до петък.' };

describe("the answer's letter (what the tracking page links to)", () => {
  it("is dated on the municipality's day, in the case's language, with the letterhead, number and text, naming nobody", async () => {
    const letter = answerLetter(peshtera, registeredIn('bg'), answer);
    expect(letter).toMatchObject({
      language: 'bg',
      municipality: 'Община Пещера',
      municipalityAddress: peshtera.address.bg,
      registryNumber: 'PSH-2026-000031',
      date: '1 април 2026 г.',
      subject: 'Отговор на обръщение № PSH-2026-000031',
      recipient: {},
    });
    const text = await pdfText(await renderLetterPdf(letter));
    for (const shown of ['Община Пещера', 'PSH-2026-000031', '1 април 2026 г.', answer.text]) expect(text).toContain(shown);
    expect(text).not.toContain('Иван Петров');
  });

  it('is in English for a case submitted in English', () => {
    expect(answerLetter(peshtera, registeredIn('en'), answer)).toMatchObject({
      municipality: peshtera.name.en,
      date: '1 April 2026',
      subject: 'Answer to your submission PSH-2026-000031',
    });
  });

  it('is the same file every time for the same answer', async () => {
    const letter = answerLetter(peshtera, registeredIn('bg'), answer);
    expect((await renderLetterPdf(letter)).equals(await renderLetterPdf(letter))).toBe(true);
  });
});
