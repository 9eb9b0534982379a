// 포털의 한국어 문구. 포털의 부분마다 ko/ 아래 파일 하나. en/과 키가 같아야 하며, 다르면 타입 검사가 실패한다.
import type { en } from './en';
import type { Messages } from './messages';
import { layout } from './ko/layout';
import { language } from './ko/language';
import { nav } from './ko/nav';
import { account } from './ko/account';
import { common } from './ko/common';
import { form } from './ko/form';
import { role } from './ko/role';
import { roleCan } from './ko/role-can';
import { challengeStatus } from './ko/challenge-status';
import { challengeType } from './ko/challenge-type';
import { classification } from './ko/classification';
import { signIn } from './ko/sign-in';
import { signInRequired } from './ko/sign-in-required';
import { challenges } from './ko/challenges';
import { challenge } from './ko/challenge';
import { submissions } from './ko/submissions';
import { manage } from './ko/manage';
import { newChallenge } from './ko/new-challenge';
import { submit } from './ko/submit';
import { myDocuments } from './ko/my-documents';
import { mySubmissions } from './ko/my-submissions';
import { myDashboard } from './ko/my-dashboard';
import { mySubmission } from './ko/my-submission';
import { myServices } from './ko/my-services';
import { tryService } from './ko/try-service';
import { reviews } from './ko/reviews';
import { score } from './ko/score';
import { services } from './ko/services';
import { data } from './ko/data';
import { dataset } from './ko/dataset';
import { access } from './ko/access';
import { plugins } from './ko/plugins';
import { audit } from './ko/audit';
import { errorCode } from './ko/error-code';
import { myAccount } from './ko/my-account';
import { apiKeys } from './ko/api-keys';
import { apiKeyScope } from './ko/api-key-scope';
import { apiKeyScopeHint } from './ko/api-key-scope-hint';
import { apiKeyMode } from './ko/api-key-mode';
import { apiKeyModeHint } from './ko/api-key-mode-hint';
import { apiKeyStatus } from './ko/api-key-status';
import { sessions } from './ko/sessions';
import { memberStatus } from './ko/member-status';
import { organization } from './ko/organization';
import { organizations } from './ko/organizations';
import { routeError } from './ko/route-error';
import { notFound } from './ko/not-found';
import { notices } from './ko/notices';
import { noticeSettings } from './ko/notice-settings';
import { forYou } from './ko/for-you';
import { pilot } from './ko/pilot';
import { insights } from './ko/insights';
import { admin } from './ko/admin';
import { pluginAdmin } from './ko/plugin-admin';
import { serviceAdmin } from './ko/service-admin';
import { auditAction } from './ko/audit-action';
import { dataAdmin } from './ko/data-admin';
import { citizen } from './ko/citizen';
import { agency } from './ko/agency';
import { agencyDocuments } from './ko/agency-documents';

export const ko: Messages<typeof en> = {
  layout,
  language,
  nav,
  account,
  common,
  form,
  role,
  roleCan,
  challengeStatus,
  challengeType,
  classification,
  signIn,
  signInRequired,
  challenges,
  challenge,
  submissions,
  manage,
  newChallenge,
  submit,
  myDocuments,
  mySubmissions,
  myDashboard,
  mySubmission,
  myServices,
  tryService,
  reviews,
  score,
  services,
  data,
  dataset,
  access,
  plugins,
  audit,
  errorCode,
  myAccount,
  apiKeys,
  apiKeyScope,
  apiKeyScopeHint,
  apiKeyMode,
  apiKeyModeHint,
  apiKeyStatus,
  sessions,
  memberStatus,
  organization,
  organizations,
  routeError,
  notFound,
  notices,
  noticeSettings,
  forYou,
  pilot,
  insights,
  admin,
  pluginAdmin,
  serviceAdmin,
  auditAction,
  dataAdmin,
  citizen,
  agency,
  agencyDocuments,
};
