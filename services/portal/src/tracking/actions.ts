import type { CitizenActions, PublicCaseView, PublicStatus } from '../intake/public-api';

const OPEN: readonly PublicStatus[] = ['registered', 'under-review', 'accepted', 'in-progress', 'awaiting-information'];

/**
 * What the citizen may do now: intake says so (C4 `actions`); an intake without it yet is read the way its
 * decider decides: withdraw while open, answer while information is awaited, rate once after an answer.
 */
export function actionsOf(view: PublicCaseView): CitizenActions {
  if (view.actions) return view.actions;
  const rated = view.history.some((step) => step.step === 'rated');
  return {
    withdraw: OPEN.includes(view.status),
    provideInformation: view.status === 'awaiting-information',
    rate: (view.status === 'answered' || view.status === 'closed') && !rated && view.history.some((step) => step.step === 'answered'),
  };
}
