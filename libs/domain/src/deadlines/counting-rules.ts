import type { LocalizedText } from '../shared/vocabulary';
import type { ClockStart, Term } from './policy';

/**
 * Where the counting rules come from (LEGAL-SOURCES.md, "Counting deadlines"): the general rules on terms
 * of the Civil Procedure Code and the Obligations and Contracts Act, which administrative practice
 * applies to terms set by the АПК and the ЗДОИ.
 */
export const COUNTING_SOURCES = {
  days: 'ГПК чл. 60; ЗЗД чл. 72 (срок в дни: започва от деня след събитието, изтича в края на последния ден)',
  months: 'ГПК чл. 60; ЗЗД чл. 72 (срок в месеци: изтича на съответното число на последния месец или в последния му ден)',
  workingDays: 'Срок в работни дни: броят се дните от понеделник до петък, които не са почивни (Кодекс на труда чл. 153–154)',
  nonWorkingLastDay: 'ГПК чл. 60; ЗЗД чл. 72 (когато последният ден е неработен, срокът изтича в първия работен ден след него)',
  /**
   * The clock stops while the case waits for the submitter and, once they answer, runs on with the
   * days that remained. No article of the АПК says so for proposals and signals: it follows arts.
   * 54–55 on suspended proceedings (art. 55(2): a resumed proceeding continues from where it stopped);
   * the source says "по аналогия" for that reason.
   */
  pause: 'АПК чл. 54–55 по аналогия (чл. 55, ал. 2: възобновеното производство продължава оттам, където е спряно)',
} as const;

export function termText(term: Term): LocalizedText {
  const { amount } = term;
  switch (term.unit) {
    case 'calendar-days':
      return { bg: `${amount} ${amount === 1 ? 'ден' : 'дни'}`, en: `${amount} ${amount === 1 ? 'day' : 'days'}` };
    case 'working-days':
      return {
        bg: `${amount} ${amount === 1 ? 'работен ден' : 'работни дни'}`,
        en: `${amount} working ${amount === 1 ? 'day' : 'days'}`,
      };
    case 'months':
      return { bg: `${amount} ${amount === 1 ? 'месец' : 'месеца'}`, en: `${amount} ${amount === 1 ? 'month' : 'months'}` };
    default: {
      const unknownUnit: never = term.unit;
      throw new Error(`Unknown term unit: ${String(unknownUnit)}`);
    }
  }
}

export function clockStartText(start: ClockStart): LocalizedText {
  switch (start) {
    case 'receipt':
      return { bg: 'получаването', en: 'receipt' };
    case 'registration':
      return { bg: 'регистрирането', en: 'registration' };
    case 'clarification':
      return { bg: 'уточняването', en: 'clarification' };
    case 'acknowledgement':
      return { bg: 'потвърждаването на получаването', en: 'acknowledgement of receipt' };
    default: {
      const unknownStart: never = start;
      throw new Error(`Unknown clock start: ${String(unknownStart)}`);
    }
  }
}
