import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { decideNavigation, decideWindowOpen, isAppUrl, isExternalUrl, isTrustedFrame } from './security';
import { mainWindowOptions } from './window-options';

const DEV = 'http://localhost:5173';

describe('isAppUrl', () => {
  it.each([
    ['app://hmis/index.html', undefined, true],
    ['app://hmis/people/12', undefined, true],
    ['app://other/index.html', undefined, false],
    ['file:///C:/Users/office/index.html', undefined, false],
    ['https://hmis/index.html', undefined, false],
    ['http://localhost:5173/', DEV, true],
    ['http://localhost:5173/', undefined, false],
    ['http://localhost:5174/', DEV, false],
    ['http://127.0.0.1:5173/', DEV, false],
    ['not a url', DEV, false],
  ])('%s (dev server %s) -> %s', (url, dev, expected) => {
    expect(isAppUrl(url, dev)).toBe(expected);
  });
});

describe('isTrustedFrame', () => {
  it('trusts only the top frame of our own page', () => {
    expect(isTrustedFrame({ url: 'app://hmis/index.html', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'app://hmis/index.html' })).toBe(true);
    expect(isTrustedFrame({ url: 'app://hmis/index.html', parent: { url: 'app://hmis/index.html' } })).toBe(false);
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
    expect(isTrustedFrame({ url: `${DEV}/`, parent: null }, DEV)).toBe(true);
  });
});

describe('navigation and new windows', () => {
  it('lets the window move only within our page', () => {
    expect(decideNavigation('app://hmis/index.html#/people/3')).toEqual({ allow: true });
    expect(decideNavigation(`${DEV}/people`, DEV)).toEqual({ allow: true });
  });

  it('sends https and mailto links to the operating system instead of navigating', () => {
    expect(decideNavigation('https://hudexchange.info/hmis')).toEqual({ allow: false, openExternally: 'https://hudexchange.info/hmis' });
    expect(decideWindowOpen('mailto:helpdesk@county.example.gov')).toEqual({ allow: false, openExternally: 'mailto:helpdesk@county.example.gov' });
  });

  it('drops everything else without opening anything', () => {
    for (const url of ['http://plain.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'app://hmis/index.html']) {
      expect(decideWindowOpen(url)).toEqual({ allow: false });
    }
    expect(decideNavigation('file:///etc/passwd')).toEqual({ allow: false });
    expect(isExternalUrl('ms-msdt:/id PCWDiagnostic')).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));

  it('is strict in production', () => {
    const csp = contentSecurityPolicy();
    expect(csp).not.toContain('unsafe-eval');
    const map = directives(csp);
    expect(map.get('script-src')).toBe("'self'");
    expect(map.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(map.get('img-src')).toBe("'self' data: blob:");
    expect(map.get('worker-src')).toBe("'self' blob:");
    expect(map.get('object-src')).toBe("'none'");
    expect(map.get('base-uri')).toBe("'none'");
    expect(map.get('frame-ancestors')).toBe("'none'");
    expect(map.get('connect-src')).toBe("'self'");
  });

  it('loosens only what the dev server needs, and never allows eval', () => {
    const map = directives(contentSecurityPolicy(DEV));
    expect(map.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(map.get('connect-src')).toBe("'self' ws://localhost:5173");
    expect(contentSecurityPolicy(DEV)).not.toContain('unsafe-eval');
  });
});

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the page, with our preload and no webview', () => {
    const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isDev: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(options.show).toBe(false);
  });

  it('allows developer tools only in development', () => {
    expect(mainWindowOptions({ preloadPath: '/p.cjs', isDev: true }).webPreferences?.devTools).toBe(true);
  });
});
