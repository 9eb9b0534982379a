import type { signIn as en } from '../en/sign-in';
import type { Messages } from '../messages';

export const signIn: Messages<typeof en> = {
  title: '로그인',
  intro:
    '챌린지를 등록하거나, 제안서를 내거나, 심사하거나, 허브를 운영하려면 로그인하세요. 챌린지·서비스·데이터 둘러보기는 로그인 없이 됩니다.',
  already: '{{name}}(으)로 로그인되어 있습니다. 다시 로그인하면 구성원이 바뀝니다.',
  refused: '로그인하지 못했습니다',
  oidcTitle: '소속 기관 계정으로 로그인',
  oidcIntro:
    '{{provider}}에서 로그인하면 허브가 이 브라우저에 세션을 엽니다. 기관 관리자가 {{provider}}에 등록된 전자우편 주소로 먼저 초대해야 합니다.',
  oidc: '{{provider}}(으)로 로그인',
  noMethod:
    '이 허브에는 아직 로그인 방법이 설정되어 있지 않습니다. 운영자가 신원 제공자를 설정합니다(docs/production.md 참고).',
  demoTitle: '데모 구성원으로 체험하기',
  demoIntro:
    '데모 허브에는 역할마다 구성원이 있습니다. 챌린지를 처음부터 끝까지 따라가려면: 챌린지 담당자로 등록·공개하고, 기업 관리자로 제안서를 내고, 심사위원으로 심사한 뒤, 다시 챌린지 담당자로 시상하세요.',
  demoOff: '이 허브는 데모 로그인을 사용하지 않습니다.',
  as: '{{name}}(으)로 로그인',
};
