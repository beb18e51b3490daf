import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/contract/wire';
import { createClient } from './client';
import { httpTransport } from './http-transport';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: string) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(body, { status });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

class FakeEventSource extends EventTarget {
  constructor(readonly url: string) {
    super();
  }
  send(name: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

describe('http transport', () => {
  it('POSTs the wire-encoded input with the bearer token to /api/<call>', async () => {
    const { fetch, sent } = fakeFetch(200, encodeWire({ ok: true, value: { total: 0, items: [] } }));
    const api = createClient(httpTransport({ token: 'secret', fetch }));
    await expect(api.people.list({ search: 'ann' })).resolves.toEqual({ total: 0, items: [] });
    expect(sent[0]?.url).toBe('/api/people.list');
    expect(sent[0]?.init.method).toBe('POST');
    expect((sent[0]?.init.headers as Record<string, string>).Authorization).toBe('Bearer secret');
    expect(decodeWire(String(sent[0]?.init.body))).toEqual({ search: 'ann' });
  });

  it('sends bytes as wire bytes', async () => {
    const { fetch, sent } = fakeFetch(200, encodeWire({ ok: true, value: {} }));
    await httpTransport({ token: 't', fetch }).invoke('app.info', { bytes: new Uint8Array([37, 80, 68, 70]) });
    expect(decodeWire(String(sent[0]?.init.body))).toEqual({ bytes: new Uint8Array([37, 80, 68, 70]) });
  });

  it('reads the envelope that a 401 carries', async () => {
    const { fetch } = fakeFetch(401, encodeWire({ ok: false, error: { code: 'unauthorized', message: 'Open the address that was printed.' } }));
    const error = await createClient(httpTransport({ token: 'wrong', fetch })).app.info().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized', message: 'Open the address that was printed.' });
  });

  it('explains a response that is not an envelope', async () => {
    const { fetch } = fakeFetch(502, '<html>Bad gateway</html>');
    const error = await createClient(httpTransport({ token: 't', fetch })).app.info().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal' });
    expect((error as Error).message).toMatch(/HTTP 502/);
  });

  it('explains an unreachable service', async () => {
    const fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof globalThis.fetch;
    const error = await createClient(httpTransport({ token: 't', fetch })).app.info().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/cannot reach its service/);
  });

  it('refuses to call without a token, saying how to open the page', async () => {
    const { fetch, sent } = fakeFetch(200, '');
    const error = await createClient(httpTransport({ token: null, fetch })).app.info().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect(sent).toHaveLength(0);
  });

  it('opens one event stream with the token and delivers named events', () => {
    const sources: FakeEventSource[] = [];
    const eventSource = (url: string) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source as unknown as EventSource;
    };
    const transport = httpTransport({ token: 'a b', eventSource });
    const changed: unknown[] = [];
    const progress: unknown[] = [];
    transport.on('changed', (p) => changed.push(p));
    transport.on('progress', (p) => progress.push(p));
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('/api/events?token=a%20b');
    sources[0]?.send('changed', { entities: ['people'] });
    sources[0]?.send('progress', { job: 'demo.seed', label: 'x', done: 1, total: 2 });
    expect(changed).toEqual([{ entities: ['people'] }]);
    expect(progress).toEqual([{ job: 'demo.seed', label: 'x', done: 1, total: 2 }]);
  });

  it('asks everything to refresh after the event stream reconnects', () => {
    let source: FakeEventSource | undefined;
    const transport = httpTransport({ token: 't', eventSource: (url) => (source = new FakeEventSource(url)) as unknown as EventSource });
    const changed: { entities: string[] }[] = [];
    transport.on('changed', (p) => changed.push(p));
    source?.dispatchEvent(new Event('open'));
    expect(changed).toHaveLength(0);
    source?.dispatchEvent(new Event('error'));
    source?.dispatchEvent(new Event('open'));
    expect(changed[0]?.entities).toContain('people');
  });
});
