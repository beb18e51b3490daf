import { describe, expect, it } from 'vitest';
import { matchRoute } from './router';
import { HOME_PATH, isNavActive, NAV, ROUTES } from './routes';

describe('routes', () => {
  it('gives every sidebar link a page', () => {
    for (const entry of NAV) {
      if (entry.path) expect(matchRoute(ROUTES, entry.path), entry.label).not.toBeNull();
    }
    expect(matchRoute(ROUTES, HOME_PATH)).not.toBeNull();
  });

  it('opens "Add person" rather than a person numbered "new"', () => {
    expect(matchRoute(ROUTES, '/people/new')?.route.title).toBe('Add person');
    expect(matchRoute(ROUTES, '/people/12')?.params).toEqual({ id: '12' });
  });

  it('keeps the master list highlighted on a person page', () => {
    const master = NAV.find((entry) => entry.label === 'Master list');
    expect(master && isNavActive(master, '/people/12')).toBe(true);
    expect(master && isNavActive(master, '/peoplex')).toBe(false);
  });
});
