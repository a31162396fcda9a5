import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublishedSigningKey } from '@civic/event-store';
import { SigningKeys } from './signing-keys';

export interface SigningKeySet {
  keys: PublishedSigningKey[];
}

/**
 * The public keys that sign the hash chain's checkpoints, for anyone: an auditor keeps them and verifies a
 * dossier's signed head without the platform (scripts/verify-dossier.mjs). Unauthenticated on purpose.
 */
@ApiTags('audit')
@Controller('public/signing-keys')
export class SigningKeysController {
  constructor(private readonly keys: SigningKeys) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The public keys of the signed checkpoints',
    description:
      'A JWK set (RFC 7517/8037): Ed25519 keys (`kty` OKP, `crv` Ed25519, `x`), `kid` the RFC 7638 thumbprint, `status` current (signs now) or retired (signed before a rotation, still valid for what it signed). No token needed.',
  })
  @ApiOkResponse({ description: '`{ keys: [{ kty, crv, x, kid, use, alg, status }] }`' })
  list(): SigningKeySet {
    return { keys: this.keys.published() };
  }
}
