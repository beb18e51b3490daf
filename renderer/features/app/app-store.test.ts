import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import { selectAppState, type AppInfo } from './app-store';

const info = { version: '0.1.0' } as AppInfo;

describe('app state marker', () => {
  it('is ready only when app.info and the first page are in', () => {
    expect(selectAppState({ info: null, error: null, pageReady: false })).toBe('loading');
    expect(selectAppState({ info, error: null, pageReady: false })).toBe('loading');
    expect(selectAppState({ info, error: null, pageReady: true })).toBe('ready');
  });

  it('is error when app.info cannot be loaded', () => {
    expect(selectAppState({ info: null, error: new AppError('unauthorized', 'No key.'), pageReady: false })).toBe('error');
  });
});
