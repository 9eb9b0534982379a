import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { postAuth } from './auth-request';
import { CSRF_HEADER, GraphqlRequestError, SESSION_ENDED_EVENT, csrfToken, graphqlRequest } from './client';
import type { TypedDocumentString } from '../gql/graphql';

const ViewerName = { toString: () => '{ viewer { name } }' } as unknown as TypedDocumentString<
  { viewer: { name: string } | null },
  Record<string, never>
>;

/** What the page sent: the fetch calls' URL and init. */
let sent: Array<{ url: string; init: RequestInit }>;
let answer: () => Response;

beforeEach(() => {
  sent = [];
  answer = () => Response.json({ data: { viewer: { name: 'Kim Minjun' } } });
  vi.stubGlobal('document', { cookie: '' });
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return answer();
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const header = (index: number, name: string) => (sent[index]!.init.headers as Record<string, string>)[name];

describe('csrfToken', () => {
  it('reads the maru_csrf cookie among others, decoded', () => {
    expect(csrfToken('lang=ko; maru_csrf=abc%3D%3D; other=1')).toBe('abc==');
    expect(csrfToken('maru_csrf_old=x; lang=ko')).toBeNull();
    expect(csrfToken('')).toBeNull();
  });
});

describe('graphqlRequest', () => {
  it('sends the session cookie and the CSRF header with the maru_csrf cookie value', async () => {
    (document as { cookie: string }).cookie = 'lang=ko; maru_csrf=token-123';
    expect(await graphqlRequest(ViewerName)).toEqual({ viewer: { name: 'Kim Minjun' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/graphql');
    expect(sent[0]!.init.credentials).toBe('same-origin');
    expect(header(0, CSRF_HEADER)).toBe('token-123');
  });

  it('sends no CSRF header and no key when no session is open', async () => {
    await graphqlRequest(ViewerName);
    expect(header(0, CSRF_HEADER)).toBeUndefined();
    expect(header(0, 'authorization')).toBeUndefined();
    expect(sent[0]!.init.credentials).toBe('same-origin');
  });

  it('sends a subject key as the bearer when asked, in JSON and multipart requests alike', async () => {
    await graphqlRequest(ViewerName, undefined, { bearer: 'msk_person' });
    expect(header(0, 'authorization')).toBe('Bearer msk_person');
    await graphqlRequest(ViewerName, { file: new File(['a,b'], 'a.csv') } as never, { bearer: 'msk_person' });
    expect(header(1, 'authorization')).toBe('Bearer msk_person');
    expect(header(1, 'content-type')).toBeUndefined();
  });

  it("throws the hub's code, and announces a session that is over", async () => {
    const ended: string[] = [];
    window.addEventListener(SESSION_ENDED_EVENT, (event) => ended.push((event as CustomEvent<string>).detail));
    answer = () => Response.json({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] });
    await expect(graphqlRequest(ViewerName)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(ended).toEqual([]);
    answer = () => Response.json({ errors: [{ message: 'no', extensions: { code: 'CSRF_TOKEN_INVALID' } }] });
    await expect(graphqlRequest(ViewerName)).rejects.toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    answer = () => Response.json({ errors: [{ message: 'no', extensions: { code: 'SESSION_EXPIRED' } }] });
    await expect(graphqlRequest(ViewerName)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(ended).toEqual(['CSRF_TOKEN_INVALID', 'SESSION_EXPIRED']);
  });
});

describe('postAuth', () => {
  it('posts JSON with the cookie and the CSRF header', async () => {
    (document as { cookie: string }).cookie = 'maru_csrf=t0k';
    answer = () => new Response(null, { status: 204 });
    await postAuth('/auth/logout');
    expect(sent[0]!.url).toBe('/auth/logout');
    expect(sent[0]!.init.method).toBe('POST');
    expect(sent[0]!.init.credentials).toBe('same-origin');
    expect(header(0, CSRF_HEADER)).toBe('t0k');
  });

  it("throws the code of the hub's refusal, from JSON or from its page", async () => {
    answer = () => Response.json({ errors: [{ message: 'off', extensions: { code: 'FORBIDDEN' } }] }, { status: 403 });
    await expect(postAuth('/auth/demo', { email: 'a@b.example' })).rejects.toBeInstanceOf(GraphqlRequestError);
    await expect(postAuth('/auth/demo', { email: 'a@b.example' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    answer = () =>
      new Response('<p>Turn on MARU_DEMO.</p><p>Error code: <code>MEMBER_DISABLED</code></p>', { status: 403 });
    await expect(postAuth('/auth/demo', { email: 'a@b.example' })).rejects.toMatchObject({ code: 'MEMBER_DISABLED' });
    answer = () =>
      new Response('<html>…</html>', { status: 403, headers: { 'x-maru-error-code': 'CSRF_TOKEN_INVALID' } });
    await expect(postAuth('/auth/logout')).rejects.toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ email: 'a@b.example' });
  });
});
