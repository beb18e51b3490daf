// Lint is the wall between runtimes: prove a wrong-way import fails it, on the real config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
}

describe('runtime walls', () => {
  it('fails core importing electron or the Electron shell', async () => {
    expect(await problems('electron/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
    expect(await problems('electron/core/probe.ts', "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;\n")).toContain('hmis/runtime-walls');
  });

  it('fails shared importing Node, the DOM or another folder', async () => {
    expect(await problems('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await problems('shared/probe.ts', 'export const x = window;\n')).toContain('no-restricted-globals');
    expect(await problems('shared/probe.ts', "import { createCore } from '../electron/core/create-core';\nexport const x = createCore;\n")).toContain('hmis/runtime-walls');
  });

  it('fails the renderer importing electron/** or Node', async () => {
    expect(await problems('renderer/probe.ts', "import { createCore } from '../electron/core/create-core';\nexport const x = createCore;\n")).toContain('hmis/runtime-walls');
    expect(await problems('renderer/probe.ts', "import path from 'node:path';\nexport const x = path;\n")).toContain('no-restricted-imports');
  });

  it('keeps SQL in core/**/*.repo.ts and migrations (docs/ARCHITECTURE.md, "Data")', async () => {
    const query = "import type { Db } from '../db/open-database';\nexport const list = (db: Db) => db.selectFrom('people').selectAll().execute();\n";
    expect(await problems('electron/core/x/y-service.ts', query)).toContain('no-restricted-syntax');
    expect(await problems('electron/core/x/y.repo.ts', query)).toEqual([]);
    expect(await problems('electron/core/db/migrations/009-x.ts', query)).toEqual([]);
    const raw = "import { sql } from 'kysely';\nexport const one = sql<number>`SELECT 1`;\n";
    expect(await problems('electron/core/x/y-service.ts', raw)).toContain('no-restricted-syntax');
    expect(await problems('electron/core/x/y.repo.ts', raw)).toEqual([]);
  });

  it('still checks JSON imports where the SQL rule replaces the general one', async () => {
    const json = "import levels from '../../../resources/levels.json';\nexport const x = levels;\n";
    expect(await problems('electron/core/x/y-service.ts', json)).toContain('no-restricted-syntax');
    expect(await problems('electron/core/x/y.repo.ts', json)).toContain('no-restricted-syntax');
  });

  it('lets each runtime import what it may', async () => {
    expect(await problems('electron/core/probe.ts', "import { AppError } from '../../shared/app-error';\nexport const x = AppError;\n")).toEqual([]);
    expect(await problems('renderer/probe.ts', "import { AppError } from '../shared/app-error';\nexport const x = AppError;\n")).toEqual([]);
  });
});
