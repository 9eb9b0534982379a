import { ERROR_CODES } from '@maru/core';
import type { ServerResponse } from 'node:http';

/** What a person reads when a sign-in route refuses them, in Korean; the English is the registry's. */
const KOREAN: Record<string, { title: string; todo: string }> = {
  SIGN_IN_FAILED: {
    title: '로그인을 마치지 못했습니다',
    todo: '로그인 페이지에서 다시 시작하세요. 계속되면 운영자에게 문의하세요.',
  },
  SIGN_IN_EMAIL_UNVERIFIED: {
    title: '이메일 주소가 확인되지 않았습니다',
    todo: '신원 제공자(IdP)에서 이메일 주소를 확인한 뒤 다시 로그인하세요.',
  },
  SIGN_IN_UNKNOWN_PERSON: {
    title: '이 허브의 구성원이 아닙니다',
    todo: '계정은 자동으로 만들어지지 않습니다. 소속 기관의 관리자에게 초대를 요청하세요.',
  },
  MEMBER_DISABLED: { title: '구성원 자격이 비활성화되었습니다', todo: '소속 기관의 관리자에게 문의하세요.' },
  INVITATION_EXPIRED: { title: '초대가 만료되었습니다', todo: '소속 기관의 관리자에게 다시 초대를 요청하세요.' },
  CSRF_TOKEN_INVALID: { title: '요청을 확인할 수 없습니다', todo: '페이지를 새로 고친 뒤 다시 시도하세요.' },
  FORBIDDEN: { title: '이 허브에서는 할 수 없습니다', todo: '데모 허브에서만 데모 로그인을 쓸 수 있습니다.' },
  NOT_FOUND: { title: '로그인 방법이 설정되지 않았습니다', todo: '운영자에게 OpenID Connect 설정을 요청하세요.' },
  BAD_USER_INPUT: { title: '요청 형식이 잘못되었습니다', todo: 'JSON 본문 { "email": "…" }을 보내세요.' },
};

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A refusal of a sign-in route as a small page in Korean and English: the code, what happened and what to do, and
 * a link back to the start. Never a stack; the code is also in the `x-maru-error-code` header for scripts.
 */
export function sendRefusalPage(res: ServerResponse, code: string, detail: string): void {
  const registry = ERROR_CODES[code as keyof typeof ERROR_CODES];
  const korean = KOREAN[code] ?? { title: '로그인할 수 없습니다', todo: '운영자에게 문의하세요.' };
  const body = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(korean.title)} · Maru</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}
code{background:#eef1f4;padding:.1rem .3rem;border-radius:4px}p.en{color:#4b5563}</style></head>
<body><main>
<h1>${escape(korean.title)}</h1>
<p>${escape(korean.todo)}</p>
<p class="en" lang="en">${escape(detail)} ${escape(registry?.fix ?? '')}</p>
<p>오류 코드 / Error code: <code>${escape(code)}</code></p>
<p><a href="/">처음으로 / Back to the start</a></p>
</main></body></html>
`;
  res.writeHead(registry?.http ?? 400, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    'x-maru-error-code': code,
  });
  res.end(body);
}
