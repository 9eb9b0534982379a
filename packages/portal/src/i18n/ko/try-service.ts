import type { tryService as en } from '../en/try-service';
import type { Messages } from '../messages';

export const tryService: Messages<typeof en> = {
  title: '서비스 시험 호출',
  heading: '{{name}} 시험 호출',
  backToServices: '이용 중인 서비스로',
  noService: '서비스 목록에 “{{key}}” 서비스가 없습니다.',
  granted: '우리 조직은 이 서비스 이용 허가를 받았습니다. 운영(LIVE) 키로도 호출할 수 있습니다.',
  noGrantTitle: '우리 조직은 이 서비스 이용 허가가 없습니다',
  noGrant:
    '{{name}} 이용 허가가 없어 운영(LIVE) 키로는 호출할 수 없습니다. 여기서 TEST 키로 시험 환경(샌드박스)은 호출해 볼 수 있습니다. 실제로 쓰려면 조직 관리자가 서비스 목록에서 이용을 신청하세요.',
  requestAccess: '서비스 목록에서 이용 신청하기',
  aboutTitle: 'TEST 키 안내',
  about: {
    sandbox:
      'TEST 키는 서비스를 시험 환경(샌드박스)으로 호출합니다. 이용 허가가 필요 없고 하루 한도도 적용되지 않습니다. 서비스는 시험 호출임을 알고 예시 데이터로 답할 수 있습니다.',
    metering: '시험 호출도 이용 통계(호출·실패 수)에는 남지만, 한도에 포함되지 않고 요금도 부과되지 않습니다.',
    secret: '키의 비밀값은 만들 때 한 번만 보여 줍니다. 포털은 비밀값을 저장하지 않으며, 이 화면을 떠나면 사라집니다.',
  },
  keyLegend: '1. TEST 키',
  secret: 'TEST 키 비밀값',
  secretHintKeys: '내 TEST 키 중 하나의 비밀값을 붙여 넣으세요: {{keys}}. 비밀값은 “maru_”로 시작합니다.',
  secretHintNone: '아직 TEST 키가 없습니다. 아래에서 바로 만들거나 내 계정 화면에서 만드세요.',
  createKey: 'TEST 키 만들기',
  manageKeys: '내 API 키 관리',
  keyName: '{{service}} 시험 호출',
  keyCreated:
    'TEST 키(읽기·쓰기)를 만들어 위에 넣었습니다. 다른 곳에서도 쓰려면 지금 비밀값을 복사하세요. 다시 보여 주지 않습니다.',
  operationLegend: '2. 호출할 기능',
  operation: '기능',
  kindQuery: '조회',
  kindMutation: '변경',
  input: '입력값(JSON)',
  inputHint: '기능에 보낼 입력값을 JSON 객체로 적습니다. 필수 항목이 미리 채워져 있습니다.',
  run: '호출하기',
  result: '결과',
  noResult: '기능을 호출하면 여기에 응답이 나옵니다.',
  succeeded: '{{operation}} 응답:',
  output: 'JSON 응답',
  details: '기술 정보(개발자용)',
  errors: {
    secret: 'TEST 키 비밀값을 입력하거나 새로 만드세요.',
    secretShape: 'API 키 비밀값이 아닙니다. 비밀값은 “maru_”로 시작합니다.',
    json: '입력값이 올바른 JSON이 아닙니다. 따옴표, 쉼표, 괄호를 확인하세요.',
    jsonLine: '입력값이 올바른 JSON이 아닙니다({{line}}번째 줄 근처). 따옴표, 쉼표, 괄호를 확인하세요.',
  },
};
