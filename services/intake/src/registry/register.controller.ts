import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth } from '@civic/auth';
import { ErrorBodyDto } from '../http/openapi-models';
import { TenantParam } from '../http/registration-endpoint';
import { RegisterService } from './register.service';
import { UnregisteredAnswerDto } from './register.dto';

/**
 * The register (АПК чл. 111, ал. 2): every number the registry issued has a case, or is shown here with
 * what happened to it. For registrars, who keep the register, the secretary, who answers for it, and auditors.
 */
@ApiTags('register')
@Controller('tenants/:tenant/registry')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get(':year/unregistered')
  @Auth('registrar', 'secretary', 'auditor')
  @ApiOperation({
    summary: 'Registry numbers that no case carries',
    description:
      "Numbers drawn for a registration that did not complete (the request failed or was abandoned after the draw and was never retried), each with when it was issued, the attempt's actor and correlation id, and an explanation in Bulgarian and English. `issued` counts every number of the year.",
  })
  @TenantParam
  @ApiParam({ name: 'year', example: '2026', description: 'The year of receipt the numbers belong to.' })
  @ApiOkResponse({ type: UnregisteredAnswerDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'The year is not a year from 2017 to 2100.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant.' })
  unregistered(@Param('tenant') tenant: string, @Param('year') year: string) {
    return this.register.unregistered(tenant, year);
  }
}
