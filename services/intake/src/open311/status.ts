import { isOpen, type NoProceedingsGround, type RegisteredCase, type TenantCharter } from '@civic/domain';

/** GeoReport knows two statuses: open (reported, being handled) and closed (resolved, one way or another). */
export type Open311Status = 'open' | 'closed';

export const open311Status = (state: RegisteredCase): Open311Status => (isOpen(state) ? 'open' : 'closed');

const GROUNDS: { readonly [G in NoProceedingsGround]: string } = {
  anonymous: 'анонимно подаване (АПК чл. 111, ал. 4)',
  'time-barred': 'нарушението е отпреди повече от две години (АПК чл. 111, ал. 4)',
  'offensive-language': 'обиден или неприличен език',
  'personal-or-classified-information': 'отговорът би разкрил лични данни или класифицирана информация',
  other: 'друго основание, посочено в решението',
};

/** The unit a case is with, while it is with one (a case waiting for the submitter is still with its unit). */
export function unitOf(state: RegisteredCase): string | undefined {
  switch (state.status) {
    case 'Routed':
    case 'Assigned':
    case 'Answered':
      return state.unit;
    case 'Closed':
      return state.outcome === 'answered' ? state.unit : undefined;
    case 'AwaitingSubmitter':
      return state.resume.status === 'Routed' || state.resume.status === 'Assigned' ? state.resume.unit : undefined;
    default:
      return undefined;
  }
}

/** A unit's name as the tenant's charter gives it; the id itself for a unit the charter no longer lists. */
export function unitName(charter: TenantCharter, unit: string): string {
  return charter.departments.find((department) => department.id === unit)?.name.bg ?? unit;
}

/**
 * The detail behind open/closed, in Bulgarian and in the platform's words only: never a name, a text or a
 * reason written by a person (the same rule as the citizen's public view, cases/public-view.ts).
 */
export function statusNotes(state: RegisteredCase, charter: TenantCharter): string {
  const unit = unitOf(state);
  const withUnit = unit === undefined ? '' : ` („${unitName(charter, unit)}“)`;
  switch (state.status) {
    case 'Registered':
      return 'Регистрирана; предстои проверка на допустимостта.';
    case 'Flagged':
      return 'Регистрирана; деловодител проверява допустимостта.';
    case 'Accepted':
      return 'Приета за разглеждане; предстои насочване към звено.';
    case 'Routed':
      return `Насочена към звено${withUnit}.`;
    case 'Assigned':
      return `Разглежда се от служител в звено${withUnit}.`;
    case 'AwaitingSubmitter':
      return state.request.pausesClock
        ? 'Очаква се допълнителна информация от подателя; срокът е спрян до получаването ѝ.'
        : 'Очаква се допълнителна информация от подателя.';
    case 'NoProceedings':
      return `Не се образува производство: ${GROUNDS[state.ground]}.`;
    case 'Answered':
      return `Изпратен е писмен отговор${withUnit}.`;
    case 'Closed':
      return state.outcome === 'answered'
        ? `Приключена след писмен отговор${withUnit}.`
        : `Приключена без образуване на производство: ${GROUNDS[state.ground]}.`;
    case 'Redirected':
      return `Препратена по компетентност към ${state.authority}; тук е приключена.`;
    case 'Withdrawn':
      return 'Оттеглена от подателя.';
    case 'Duplicate':
      return 'Приключена като повтаряща друга преписка.';
    default: {
      const unhandled: never = state;
      throw new Error(`Unhandled case status: ${JSON.stringify(unhandled)}`);
    }
  }
}
