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

  it('lets each runtime import what it may', async () => {
    expect(await problems('electron/core/probe.ts', "import { AppError } from '../../shared/app-error';\nexport const x = AppError;\n")).toEqual([]);
    expect(await problems('renderer/probe.ts', "import { AppError } from '../shared/app-error';\nexport const x = AppError;\n")).toEqual([]);
  });
});
