import { createServer } from 'node:net';

/** A browser's cookie jar, as far as the hub and the provider (both on 127.0.0.1) need one. */
export class Browser {
  readonly jar = new Map<string, string>();
  cookie = () => [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookie() },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (attributes.some((a) => /max-age=0$/i.test(a.trim())) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }
  /** Follows redirects until `stop` says so (or a non-redirect), as a browser would. */
  async follow(
    url: string,
    stop: (url: string) => boolean = () => false,
  ): Promise<{ url: string; response: Response }> {
    let current = url;
    for (let i = 0; i < 20; i++) {
      if (stop(current)) return { url: current, response: new Response(null) };
      const response = await this.get(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).href;
    }
    throw new Error('too many redirects');
  }
  clone(): Browser {
    const copy = new Browser();
    for (const [name, value] of this.jar) copy.jar.set(name, value);
    return copy;
  }
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
