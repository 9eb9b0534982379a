import type { plugins as en } from '../en/plugins';
import type { Messages } from '../messages';

export const plugins: Messages<typeof en> = {
  title: '플러그인',
  intro:
    '플러그인은 공유 서비스와 데이터 커넥터를 더합니다. 꼭 필요한 권한만 부여하세요. 비활성화하면 새 호출이 즉시 멈춥니다.',
  empty: '설치된 플러그인이 없습니다.',
  usage: '최근 30일 사용량',
  usageRow: '호출 {{calls}}회, 실패 {{failures}}회',
  enable: '{{name}} 활성화',
  disable: '{{name}} 비활성화',
  installTitle: '플러그인 설치',
  installHint: 'npm 패키지가 이 버전 그대로 허브에 설치되어 있어야 합니다. 서명과 매니페스트를 확인합니다.',
  package: '패키지 이름',
  version: '버전',
  install: '설치',
};
