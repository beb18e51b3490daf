import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judge, readAccepted, scan } from './electronegativity.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'hmis-eng-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('Electronegativity over the shell, the preload and the renderer', () => {
  it('finds nothing that is not fixed or accepted with a reason, and no accepted entry is stale', async () => {
    const { checks, errors, findings } = await scan();
    const verdict = judge(findings, readAccepted());
    console.log(`[electronegativity] ${checks} checks; ${findings.length} finding(s), ${verdict.explained.length} accepted with a reason, ${verdict.unexplained.length} unexplained`);
    expect(checks).toBeGreaterThan(30);
    expect(errors.filter((e) => !e.tolerable)).toEqual([]);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.stale).toEqual([]);
    // The app's own guards are seen: navigation is limited and permission requests are handled.
    expect(findings.map((f) => f.id)).not.toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(findings.map((f) => f.id)).not.toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
    for (const entry of readAccepted()) expect(entry.reason.length, entry.id).toBeGreaterThan(40);
  });

  it('does flag an insecure window, so a pass means something', async () => {
    mkdirSync(path.join(scratch, 'electron/main'), { recursive: true });
    writeFileSync(
      path.join(scratch, 'electron/main/bad-window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n",
    );
    const { findings } = await scan({ root: scratch, parts: ['electron/main'] });
    const ids = new Set(findings.map((f) => f.id));
    // A window without our guards: no navigation limits and no permission handler are noticed too.
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      expect(ids, id).toContain(id);
    }
    expect(judge(findings, readAccepted()).unexplained.length).toBeGreaterThan(0);
  });
});
