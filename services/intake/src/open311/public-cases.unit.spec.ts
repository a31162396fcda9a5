import { acceptedByRegistrar, flaggedForCorruption, registeredEvent, stateOf } from '../../test/open311-cases';
import { isConfidential, isShownOnOpen311 } from './public-cases';

describe('which cases the public sees through Open311', () => {
  it('an ordinary complaint, whatever its channel', () => {
    expect(isShownOnOpen311(stateOf([registeredEvent()]))).toBe(true);
    expect(isShownOnOpen311(stateOf([registeredEvent({ channel: 'post' })]))).toBe(true);
  });

  it('never a whistleblower report', () => {
    expect(isShownOnOpen311(stateOf([registeredEvent({ kind: 'whistleblower-report', category: 'corruption' })]))).toBe(false);
  });

  it('never a case flagged for signs of corruption, also after the registrar accepted it', () => {
    const flagged = [registeredEvent({ kind: 'signal' }), flaggedForCorruption()];
    expect(isShownOnOpen311(stateOf(flagged))).toBe(false);
    expect(isShownOnOpen311(stateOf([...flagged, acceptedByRegistrar()]))).toBe(false);
  });

  it('a stored document without the field is an ordinary case', () => {
    expect(isConfidential(undefined)).toBe(false);
    expect(isConfidential(null)).toBe(false);
    expect(isConfidential('corruption-signal')).toBe(true);
  });
});
