import type { errorCode as en } from '../en/error-code';
import type { Messages } from '../messages';

export const errorCode: Messages<typeof en> = {
  SESSION_EXPIRED:
    '로그인 세션이 끝났습니다(다른 곳에서 로그아웃했거나 오래 사용하지 않았습니다). 다시 로그인해 주세요.',
  CSRF_TOKEN_INVALID:
    '이 요청이 이 페이지에서 보낸 것인지 허브가 확인하지 못했습니다. 페이지를 새로 고친 뒤 다시 시도하고, 계속되면 다시 로그인해 주세요.',
  MEMBER_DISABLED: '구성원 자격이 정지되었습니다. 소속 기관 관리자에게 다시 사용하게 해 달라고 요청하세요.',
  SIGN_IN_UNKNOWN_PERSON:
    '이 전자우편 주소로 등록된 구성원이 없습니다. 소속 기관 관리자에게 로그인 서비스에 등록된 주소로 초대해 달라고 요청하세요.',
  SIGN_IN_EMAIL_UNVERIFIED:
    '로그인 서비스가 전자우편 주소를 확인하지 않았습니다. 그곳에서 주소를 인증한 뒤 다시 로그인하세요.',
  SIGN_IN_FAILED: '로그인이 완료되지 않았습니다(페이지를 너무 오래 열어 두었을 수 있습니다). 처음부터 다시 해 주세요.',
  INVITATION_EXPIRED: '초대가 만료되었습니다(초대는 7일간 유효합니다). 기관 관리자에게 다시 초대해 달라고 요청하세요.',
  MEMBER_EXISTS_ELSEWHERE: '이 전자우편 주소는 이미 다른 기관의 구성원입니다. 한 사람은 한 기관에만 속합니다.',
  LAST_PLATFORM_ADMIN:
    '허브에는 활성 플랫폼 관리자가 한 명 이상 있어야 합니다. 먼저 다른 구성원을 플랫폼 관리자로 지정하세요.',
  UNAUTHENTICATED: '먼저 로그인해 주세요.',
  FORBIDDEN: '현재 역할로는 할 수 없는 작업입니다.',
  CONFLICT: '그사이 다른 사람이 내용을 바꿨습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  NOT_FOUND: '더 이상 없거나 볼 수 없는 항목입니다.',
  RATE_LIMITED: '짧은 시간에 요청이 너무 많았습니다. 잠시 뒤 다시 시도하세요.',
  CONFLICT_OF_INTEREST:
    '이해충돌: 심사위원의 소속 기관이 이 과제에 제출했습니다. 그 심사위원은 지정하거나 심사할 수 없습니다. 다른 기관의 심사위원을 지정하세요.',
  CONFLICT_DECLARATION_REQUIRED: '심사하기 전에 이 과제에 이해충돌이 없음을 선언하세요.',
  DOCUMENT_REQUIRED:
    '이 과제는 제출 전에 서류 제출이 필요합니다(예: 90일 이내 발급된 사업자등록 증명). 내 서류에서 해당 서류를 제출한 뒤 다시 제출하세요.',
  DOCUMENT_NOT_HELD: '내 기관이 보유한 서류가 아닙니다. 내 서류 목록에 있는 서류만 제출할 수 있습니다.',
  DOCUMENT_CONSENT_REQUIRED: '서류를 받는 기관을 확인하고 제공에 동의해야 제출됩니다.',
  DOCUMENT_EXPIRED: '유효기간이 지난 서류입니다. 발급 기관에 새로 발급해 달라고 요청하세요.',
  DOCUMENT_REVOKED: '발급 기관이 취소한 서류입니다. 발급 기관에 새 서류를 요청하거나 취소 사유를 문의하세요.',
  DOCUMENT_WRONG_TYPE: '이 과제가 요구하는 종류의 서류가 아닙니다. 요구하는 종류의 서류를 제출하세요.',
  DOCUMENT_TOO_OLD: '요구하는 기간보다 오래전에 발급된 서류입니다. 새로 발급받은 뒤 제출하세요.',
  PACKAGE_INVALID: '플러그인 패키지를 읽을 수 없습니다. `maru pack`으로 만든 서명된 .tgz 파일을 올리세요.',
  PACKAGE_SIGNATURE_INVALID: '패키지 서명이 맞지 않습니다. 등록된 게시자 키로 다시 서명(`maru sign`)한 뒤 올리세요.',
  PACKAGE_SIGNER_NOT_WINNER:
    '패키지에 서명한 키가 수상 기관에 등록된 키가 아닙니다. 수상 기관의 게시자 키로 서명하세요.',
  PACKAGE_MISMATCH: '패키지 이름이나 버전이 제출물에 적은 플러그인과 다릅니다. 같은 이름과 버전으로 올리세요.',
  CAPABILITY_NOT_APPROVED: '플러그인이 요청한 권한을 모두 확인하고 승인해야 시범 서비스를 시작할 수 있습니다.',
  NETWORK: '허브에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도하세요.',
  unknown: '문제가 생겼습니다({{code}}).',
};
