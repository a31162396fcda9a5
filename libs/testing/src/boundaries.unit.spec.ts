import { ESLint } from 'eslint';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './servers';

// Jest's module sandbox cannot run ESLint's own dynamic import of the config file: hand it over instead.
const workspaceConfig = require(join(WORKSPACE_ROOT, 'eslint.config.js'));

// The architecture is enforced by lint (eslint.config.js, ARCHITECTURE.md): these snippets must be rejected.
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: WORKSPACE_ROOT, overrideConfigFile: true, overrideConfig: workspaceConfig });
  const [result] = await eslint.lintText(code, { filePath: `${WORKSPACE_ROOT}/${filePath}` });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  it.each([
    ["import { Injectable } from '@nestjs/common';", /@nestjs\/common/],
    ["import mongoose from 'mongoose';", /mongoose/],
    ["import { Kafka } from 'kafkajs';", /kafkajs/],
    ["import { Pool } from 'pg';", /pg/],
    ["import { PlatformModule } from '@civic/platform';", /platform/],
  ])('a domain library may not %s', async (code, culprit) => {
    const messages = await lintAs('libs/domain/src/probe.ts', `${code}\nexport const probe = 1;\n`);
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries') && culprit.test(m))).toBe(true);
  });

  it('a domain library does no I/O through Node built-ins', async () => {
    const messages = await lintAs(
      'libs/domain/src/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    );
    expect(messages).toContainEqual(expect.stringMatching(/^no-restricted-imports: .*The domain does no I\/O/));
  });

  it('the domain has no clock of its own', async () => {
    const messages = await lintAs('libs/domain/src/probe.ts', 'export const now = () => new Date();\n');
    expect(messages).toContainEqual(expect.stringMatching(/No clock in the domain/));
  });

  it('a service may not import another service', async () => {
    const messages = await lintAs(
      'services/intake/src/probe.ts',
      "import { RoutingModule } from '../../routing/src/app.module';\nexport const probe = RoutingModule;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('allows what the architecture allows', async () => {
    const messages = await lintAs(
      'services/intake/src/probe.ts',
      "import { KINDS } from '@civic/domain';\nimport { PlatformModule } from '@civic/platform';\nexport const probe = [KINDS, PlatformModule];\n",
    );
    expect(messages).toEqual([]);
  });
});
