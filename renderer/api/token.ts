const STORAGE_KEY = 'hmis.token';

/**
 * The HTTP host hands the page its access token in the address (`#token=...`). Take it once, keep
 * it in sessionStorage so a reload still works, and remove it from the address bar so it is not
 * left in history, screenshots or a copied link.
 */
export function takeToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string | null {
  const hash = win.location.hash.replace(/^#/, '');
  const fromUrl = hash.startsWith('token=') || hash.includes('&token=') ? new URLSearchParams(hash).get('token') : null;
  if (fromUrl) {
    win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    const { pathname, search } = win.location;
    win.history.replaceState(null, '', `${pathname}${search}#/`);
    return fromUrl;
  }
  return win.sessionStorage.getItem(STORAGE_KEY);
}
