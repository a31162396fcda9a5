import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { Auth, AUTH_ROLES } from './auth.decorator';
import { AuthModule } from './auth.module';

@Controller('tenants/:tenant/cases')
@Auth('registrar')
class CasesController {
  @Get()
  list() {
    return [];
  }

  @Get('report')
  @Auth('mayor', 'secretary')
  report() {
    return {};
  }
}

@Controller('public')
class PublicController {
  @Get()
  hello() {
    return {};
  }
}

describe('@Auth(...)', () => {
  it('records the roles on a controller and on a handler', () => {
    const reflector = new Reflector();
    expect(reflector.get(AUTH_ROLES, CasesController)).toEqual(['registrar']);
    expect(reflector.get(AUTH_ROLES, CasesController.prototype.report)).toEqual(['mayor', 'secretary']);
    expect(reflector.get(AUTH_ROLES, PublicController)).toBeUndefined();
  });

  it('documents the bearer scheme and the 401 and 403 answers in OpenAPI, and only where it is used', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwksUrl: 'http://127.0.0.1:1/jwks.json', issuer: 'http://127.0.0.1:1', audience: 'civic-cases' })],
      controllers: [CasesController, PublicController],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
      const report = document.paths['/tenants/{tenant}/cases/report'].get;
      // A handler's @Auth inside an @Auth controller lists the scheme twice; OpenAPI reads that as one.
      expect(new Set(report?.security?.map((entry) => JSON.stringify(entry)))).toEqual(new Set(['{"bearer":[]}']));
      expect(Object.keys(report?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
      expect(document.paths['/public'].get?.security).toBeUndefined();
      expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    } finally {
      await app.close();
    }
  });
});
