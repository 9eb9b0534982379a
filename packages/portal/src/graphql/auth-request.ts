import { GraphqlRequestError, hubHeaders } from './client';

/**
 * The hub's code for a refused /auth request: its `x-maru-error-code` header, else a JSON body's code, else the
 * `<code>` of its refusal page.
 */
async function refusalCode(response: Response): Promise<string> {
  const header = response.headers.get('x-maru-error-code');
  if (header) return header;
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as {
      code?: string;
      error?: { code?: string };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const code = body.code ?? body.error?.code ?? body.errors?.[0]?.extensions?.code;
    if (code) return code;
  } catch {
    // A refusal page: the code is written in it.
  }
  return (
    text.match(/<code>([A-Z][A-Z0-9_]+)<\/code>/)?.[1] ??
    (response.status === 403 ? 'FORBIDDEN' : `HTTP_${response.status}`)
  );
}

/**
 * Posts to one of the hub's `/auth/…` routes (`/auth/demo`, `/auth/logout`) with the session cookie and the
 * CSRF header; throws a {@link GraphqlRequestError} with the hub's code when refused.
 */
export async function postAuth(path: `/auth/${string}`, body: Record<string, unknown> = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...hubHeaders(), accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new GraphqlRequestError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const code = await refusalCode(response);
    throw new GraphqlRequestError(code, `${path} answered ${response.status} (${code}).`);
  }
}
