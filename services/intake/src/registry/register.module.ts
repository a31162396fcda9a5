import { Module } from '@nestjs/common';
import { RegisterController } from './register.controller';
import { RegisterService } from './register.service';

/** The register of incoming submissions: numbers issued without a case (АПК чл. 111, ал. 2). */
@Module({ controllers: [RegisterController], providers: [RegisterService] })
export class RegisterModule {}
