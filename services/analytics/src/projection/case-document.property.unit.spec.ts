import { caseDecider, type CaseEvent } from '@civic/domain';
import fc from 'fast-check';
import { commandsOf, s, type ScriptedCase, type Step } from '../../test/fixtures/case-scripts';
import { testContext } from '../../test/fixtures/test-context';
import { evolveCaseDocument, type CaseDocument, type ModelEvent } from './case-document';

/** What may happen to a case after its registration, at a given time; the decider drops what makes no sense. */
const MOVES: ((at: string, i: number) => Step)[] = [
  (at) => s.accept(at),
  (at) => s.flag(at),
  (at) => s.resolveAccept(at),
  (at) => s.noProceedings(at, 'offensive-language'),
  (at) => s.route(at, 'public-works'),
  (at) => s.route(at, 'local-taxes', true),
  (at, i) => s.assign(at, `o-${i % 3}`),
  (at, i) => s.reassign(at, `o-${(i + 1) % 3}`),
  (at) => s.requestInformation(at, true),
  (at) => s.requestInformation(at, false),
  (at) => s.provideInformation(at),
  (at) => s.extend(at, '2026-05-20', '2026-06-30'),
  (at) => s.extend(at, '2026-06-10', '2026-06-30'),
  (at) => s.answer(at),
  (at) => s.close(at),
  (at) => s.reopen(at),
  (at, i) => s.rate(at, (i % 5) + 1),
  (at) => s.redirect(at),
  (at) => s.withdraw(at),
  (at) => s.breach(at, '2026-04-01'),
  (at) => s.escalate(at, '2026-04-01'),
  (at, i) => s.notified(at, `n-${i}`),
];

/**
 * How often each move is tried: endings (no proceedings, redirect, withdrawal) and re-routing rarely, so
 * that histories also reach answers, closings, ratings and reopenings.
 */
const WEIGHTS = [3, 2, 2, 1, 1, 1, 4, 2, 2, 2, 4, 2, 2, 6, 5, 3, 4, 1, 1, 2, 2, 2];
/** Accept, route, assign: how far a history starts along the usual path before its random moves. */
const USUAL_PATH = [0, 4, 6];

/** A case's history: registration, then the moves the decider accepts, a day apart. */
function historyOf(caseId: string, head: number, moves: number[], kind: 'complaint' | 'praise'): ModelEvent[] {
  const day = (n: number) => new Date(Date.UTC(2026, 2, 2 + n, 9)).toISOString();
  const script: ScriptedCase = { caseId, tenant: 'peshtera', subject: `s-${caseId}`, steps: [s.register(day(0), { kind })] };
  script.steps.push(...[...USUAL_PATH.slice(0, head), ...moves].map((move, i) => MOVES[move](day(i + 1), i)));
  const events: CaseEvent[] = [];
  for (const command of commandsOf(script)) {
    const decision = caseDecider.decide(command, events.reduce(caseDecider.evolve, caseDecider.initialState()));
    if (decision.ok) events.push(...decision.events);
  }
  return events.map((event, revision) => ({ revision, event }));
}

const move = fc.oneof(...MOVES.map((_, i) => ({ arbitrary: fc.constant(i), weight: WEIGHTS[i] })));

const caseHistory = (caseId: string) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: USUAL_PATH.length }),
      fc.array(move, { maxLength: 25 }),
      fc.constantFrom('complaint' as const, 'praise' as const),
    )
    .map(([head, moves, kind]) => historyOf(caseId, head, moves, kind));

/** Folds events of any cases into their documents, by case id. */
function project(events: readonly ModelEvent[]): Map<string, CaseDocument> {
  const docs = new Map<string, CaseDocument>();
  for (const event of events) {
    const id = event.event.metadata.caseId;
    const next = evolveCaseDocument(docs.get(id) ?? null, event, testContext);
    if (next) docs.set(id, next);
  }
  return docs;
}

/** The document of case `a`; a history without one fails the property instead of passing it unchecked. */
function documentOf(history: readonly ModelEvent[]): CaseDocument {
  const doc = project(history).get('a');
  if (!doc) throw new Error('no document for a registered case');
  return doc;
}

/** Merges per-case histories in the order the picks say, each case's own order kept (as the store's global order does). */
function interleave(histories: ModelEvent[][], picks: number[]): ModelEvent[] {
  const queues = histories.map((h) => [...h]);
  const merged: ModelEvent[] = [];
  let p = 0;
  while (queues.some((q) => q.length > 0)) {
    const candidates = queues.filter((q) => q.length > 0);
    const queue = candidates[(picks[p++ % Math.max(1, picks.length)] ?? 0) % candidates.length];
    merged.push(queue.shift() as ModelEvent);
  }
  return merged;
}

describe('the case document under redelivery and replay (properties)', () => {
  it('applying every event twice equals applying it once', () => {
    fc.assert(
      fc.property(caseHistory('a'), (history) => {
        const twice = history.flatMap((event) => [event, event]);
        expect(project(twice)).toEqual(project(history));
      }),
    );
  });

  it('an earlier event delivered again at any later point changes nothing', () => {
    fc.assert(
      fc.property(caseHistory('a'), fc.nat(), fc.nat(), (history, pick, at) => {
        fc.pre(history.length > 0);
        const event = history[pick % history.length];
        const position = Math.max(history.indexOf(event) + 1, at % (history.length + 1));
        const redelivered = [...history.slice(0, position), event, ...history.slice(position)];
        expect(project(redelivered)).toEqual(project(history));
      }),
    );
  });

  it('replaying the whole history over the finished document gives back the very same document', () => {
    fc.assert(
      fc.property(caseHistory('a'), (history) => {
        // Every history starts with its registration, so the document always exists: checked, never assumed.
        const doc = documentOf(history);
        expect(history.reduce<CaseDocument | null>((d, event) => evolveCaseDocument(d, event, testContext), doc)).toBe(doc);
      }),
    );
  });

  it('the order between different cases does not matter', () => {
    fc.assert(
      fc.property(caseHistory('a'), caseHistory('b'), caseHistory('c'), fc.array(fc.nat(), { minLength: 1 }), (a, b, c, picks) => {
        const oneAfterAnother = project([...a, ...b, ...c]);
        expect(project(interleave([a, b, c], picks))).toEqual(oneAfterAnother);
        expect(project([...c, ...a, ...b])).toEqual(oneAfterAnother);
      }),
    );
  });

  it('open exactly while the domain says the case is open', () => {
    fc.assert(
      fc.property(caseHistory('a'), (history) => {
        const doc = documentOf(history);
        const state = history.map((e) => e.event).reduce(caseDecider.evolve, caseDecider.initialState());
        if (state.status === 'NotRegistered') throw new Error('every generated history starts with its registration');
        expect(doc.status).toBe(state.status);
        expect(doc.ratings).toEqual(state.facts.ratings);
        expect(doc.extensions).toBe(state.facts.extensions.length);
        expect(doc.answeredAt).toBe(state.facts.answeredAt[0] ?? null);
        expect(doc.confidential).toBe(state.facts.confidential);
      }),
    );
  });
});
