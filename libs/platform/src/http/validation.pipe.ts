import { createZodValidationPipe } from 'nestjs-zod';
import { badRequest } from './error-body';
import { fieldProblems } from './field-problems';

/**
 * Validates bodies, queries and params declared with zod DTOs (`createZodDto`); a bad one is a 400 in the
 * platform's body, naming each field and what is wrong with it. `@UsePipes(PlatformValidationPipe)`.
 */
export const PlatformValidationPipe = createZodValidationPipe({
  createValidationException: (error) => badRequest(fieldProblems(error)),
});
