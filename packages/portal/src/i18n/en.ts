// The portal's English texts, one file per part of the portal in en/. Korean (ko/) must have the same keys; the typecheck says when not.
import { layout } from './en/layout';
import { language } from './en/language';
import { nav } from './en/nav';
import { account } from './en/account';
import { common } from './en/common';
import { form } from './en/form';
import { role } from './en/role';
import { roleCan } from './en/role-can';
import { challengeStatus } from './en/challenge-status';
import { challengeType } from './en/challenge-type';
import { classification } from './en/classification';
import { signIn } from './en/sign-in';
import { signInRequired } from './en/sign-in-required';
import { challenges } from './en/challenges';
import { challenge } from './en/challenge';
import { submissions } from './en/submissions';
import { manage } from './en/manage';
import { newChallenge } from './en/new-challenge';
import { submit } from './en/submit';
import { myDocuments } from './en/my-documents';
import { mySubmissions } from './en/my-submissions';
import { myDashboard } from './en/my-dashboard';
import { mySubmission } from './en/my-submission';
import { myServices } from './en/my-services';
import { tryService } from './en/try-service';
import { reviews } from './en/reviews';
import { score } from './en/score';
import { services } from './en/services';
import { data } from './en/data';
import { dataset } from './en/dataset';
import { access } from './en/access';
import { plugins } from './en/plugins';
import { audit } from './en/audit';
import { errorCode } from './en/error-code';
import { myAccount } from './en/my-account';
import { apiKeys } from './en/api-keys';
import { apiKeyScope } from './en/api-key-scope';
import { apiKeyScopeHint } from './en/api-key-scope-hint';
import { apiKeyMode } from './en/api-key-mode';
import { apiKeyModeHint } from './en/api-key-mode-hint';
import { apiKeyStatus } from './en/api-key-status';
import { sessions } from './en/sessions';
import { memberStatus } from './en/member-status';
import { organization } from './en/organization';
import { organizations } from './en/organizations';
import { routeError } from './en/route-error';
import { notFound } from './en/not-found';
import { notices } from './en/notices';
import { noticeSettings } from './en/notice-settings';
import { forYou } from './en/for-you';
import { pilot } from './en/pilot';
import { insights } from './en/insights';
import { admin } from './en/admin';
import { pluginAdmin } from './en/plugin-admin';
import { serviceAdmin } from './en/service-admin';
import { auditAction } from './en/audit-action';
import { dataAdmin } from './en/data-admin';
import { citizen } from './en/citizen';
import { agency } from './en/agency';
import { agencyDocuments } from './en/agency-documents';

export const en = {
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
