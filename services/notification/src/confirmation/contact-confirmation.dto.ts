import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { TOKEN_PATTERN } from './confirmations.store';

export const contactConfirmationBodySchema = z
  .object({
    token: z.string().regex(TOKEN_PATTERN, 'must be the 43-character code from the confirmation link in the e-mail'),
  })
  .strict();
export class ContactConfirmationBodyDto extends createZodDto(contactConfirmationBodySchema) {}

export class ContactConfirmationDto extends createZodDto(
  z.object({
    confirmed: z.literal(true),
    /** Messages that waited for the confirmation and are on their way now. */
    released: z.number().int(),
  }),
) {}
