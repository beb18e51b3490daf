import { describe, expect, it } from 'vitest';
import { KNOWN_PERMISSIONS, mayUse, permissionCheckHandler, permissionRequestHandler } from './permissions';

const OURS = 'app://hmis/index.html';
const DEV = 'http://localhost:5173';

describe('permissions (request and check handlers)', () => {
  it('grants the app no permission at all, from our page or any other', () => {
    const request = permissionRequestHandler();
    const check = permissionCheckHandler();
    for (const permission of [...KNOWN_PERMISSIONS, 'some-future-permission']) {
      for (const url of [OURS, 'https://evil.example/', 'file:///C:/x.html', undefined]) {
        let granted: boolean | undefined;
        request(null, permission, (answer) => (granted = answer), { requestingUrl: url, isMainFrame: true });
        expect(granted, `request ${permission} from ${url}`).toBe(false);
        expect(check(null, permission, url ?? '', { requestingUrl: url, isMainFrame: true }), `check ${permission} from ${url}`).toBe(false);
      }
    }
  });

  it('would grant a listed permission to our own top frame only, in both handlers alike', () => {
    const policy = { granted: new Set(['clipboard-sanitized-write']) };
    const ask = (requestingUrl: string | undefined, isMainFrame?: boolean) => mayUse({ permission: 'clipboard-sanitized-write', requestingUrl, isMainFrame }, policy);
    expect(ask(OURS, true)).toBe(true);
    expect(ask('app://hmis')).toBe(true); // the check handler's requestingOrigin
    expect(ask(OURS, false)).toBe(false); // an iframe, even of ours
    expect(ask('app://other/index.html', true)).toBe(false);
    expect(ask('https://evil.example/', true)).toBe(false);
    expect(ask(undefined, true)).toBe(false);
    expect(mayUse({ permission: 'media', requestingUrl: OURS, isMainFrame: true }, policy)).toBe(false);
    expect(mayUse({ permission: 'clipboard-sanitized-write', requestingUrl: `${DEV}/`, isMainFrame: true }, { ...policy, devServerUrl: DEV })).toBe(true);
    expect(mayUse({ permission: 'clipboard-sanitized-write', requestingUrl: `${DEV}/`, isMainFrame: true }, policy)).toBe(false);
    // The check handler falls back to the origin when Electron gives no URL.
    expect(permissionCheckHandler(policy)(null, 'clipboard-sanitized-write', 'app://hmis', { isMainFrame: true })).toBe(true);
    expect(permissionCheckHandler(policy)(null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false);
  });
});
