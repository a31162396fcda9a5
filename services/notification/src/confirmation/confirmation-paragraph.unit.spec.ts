import { renderTemplate } from '../templates/render';
import { withConfirmationLink } from './confirmation-paragraph';

describe("the confirmation link in a tenant's own acknowledgement", () => {
  const link = 'http://127.0.0.1:3006/peshtera/confirm/q3Vb0x7NwFz2LcYd8RkT1mHsJ4pAeG6uI9oKnW5yZ0E';

  it('a wording without it gets the default paragraph, in the language, so the address can still be confirmed', () => {
    const own = { subject: 'Вх. № {{registryNumber}}', text: 'Получихме обръщението Ви.\n' };
    const text = renderTemplate(withConfirmationLink(own, 'bg'), { registryNumber: 'PSH-1', confirmationLink: link }).text;
    expect(text).toContain('Получихме обръщението Ви.\n\nМоля, потвърдете');
    expect(text).toContain(link);
    expect(renderTemplate(withConfirmationLink(own, 'en'), { registryNumber: 'PSH-1', confirmationLink: link }).text).toContain(
      'Please confirm that this e-mail address is yours',
    );
  });

  it('a wording that has it stays as it is', () => {
    const own = { subject: 'S', text: 'Потвърдете тук: {{ confirmationLink }}\n' };
    expect(withConfirmationLink(own, 'bg')).toBe(own);
  });
});
