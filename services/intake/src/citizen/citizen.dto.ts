import { createZodDto } from 'nestjs-zod';
import { citizenInformationSchema, ratingSchema, withdrawalSchema } from '../cases/decision.schema';
import { citizenSubmissionSchema } from '../cases/submission.schema';

export class CitizenSubmissionDto extends createZodDto(citizenSubmissionSchema) {}
export class WithdrawalDto extends createZodDto(withdrawalSchema) {}
export class RatingDto extends createZodDto(ratingSchema) {}
export class CitizenInformationDto extends createZodDto(citizenInformationSchema) {}
