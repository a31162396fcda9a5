import { createZodDto } from 'nestjs-zod';
import { ratingSchema, withdrawalSchema } from '../cases/decision.schema';
import { citizenSubmissionSchema } from '../cases/submission.schema';

export class CitizenSubmissionDto extends createZodDto(citizenSubmissionSchema) {}
export class WithdrawalDto extends createZodDto(withdrawalSchema) {}
export class RatingDto extends createZodDto(ratingSchema) {}
