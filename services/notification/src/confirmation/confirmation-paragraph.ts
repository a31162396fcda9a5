import type { Language } from '@civic/domain';
import type { TemplateText } from '../templates/render';

/**
 * The default acknowledgement's paragraph on confirming the address, for a tenant's own wording that lacks
 * `{{confirmationLink}}` (written before the variable was there): without the link the address could never be
 * confirmed and every later e-mail would wait for good.
 */
const PARAGRAPH: Record<Language, string> = {
  bg: 'Моля, потвърдете, че този адрес на електронна поща е Вашият, като отворите връзката и натиснете бутона „Потвърждавам“:\n{{confirmationLink}}\nДокато адресът не е потвърден, няма да Ви изпращаме други писма по електронна поща, включително отговора. Отговорът Ви се дължи и няма да бъде загубен: ще го получите по електронна поща веднага след потвърждението, а дотогава можете да го прочетете на страницата на преписката с личния си код за проследяване.',
  en: 'Please confirm that this e-mail address is yours: open the link and press the "Confirm" button:\n{{confirmationLink}}\nUntil the address is confirmed we will send nothing else to it by e-mail, not even our answer. The answer is owed to you and will not be lost: it is e-mailed to you as soon as you confirm, and until then you can read it on your case\'s tracking page with your private tracking code.',
};

export function withConfirmationLink(template: TemplateText, language: Language): TemplateText {
  if (/\{\{\s*confirmationLink\s*\}\}/.test(template.text)) return template;
  return { ...template, text: `${template.text.trimEnd()}\n\n${PARAGRAPH[language]}\n` };
}
