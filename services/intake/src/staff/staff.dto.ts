import { createZodDto, zodToOpenAPI } from 'nestjs-zod';
import { screeningDecisionSchema } from '../cases/decision.schema';
import { staffSubmissionSchema } from '../cases/submission.schema';

export class StaffSubmissionDto extends createZodDto(staffSubmissionSchema) {}
/** A union cannot be a DTO class: its OpenAPI schema is given inline. */
export const screeningDecisionOpenApi = zodToOpenAPI(screeningDecisionSchema);
