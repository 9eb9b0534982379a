import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { OfficialBanner, type OfficialBannerTexts } from './official-banner';
import { OperatorIdentifier } from './operator-identifier';
import { PhaseBanner } from './phase-banner';
import { SiteFooter, type FooterLink } from './site-footer';

/**
 * The identity of a Korean government site (KRDS): the official banner above everything, the phase banner while
 * the service is not live, the operator identifier and the footer with the policy pages. The components take their
 * texts as props: the portal words them in its language and fills the operator from the hub's `site` query.
 */
const meta = {
  title: 'Identity/KRDS identity',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const banner: Record<'ko' | 'en', OfficialBannerTexts> = {
  ko: {
    statement: '이 누리집은 대한민국 공식 전자정부 누리집입니다.',
    howToTell: '공식 누리집 확인 방법',
    signs: [
      { title: '누리집 주소 확인', body: '정부와 공공기관의 공식 누리집은 go.kr로 끝나는 주소를 사용합니다.' },
      { title: '보안 연결 확인', body: '주소창의 자물쇠 표시나 “https://”는 연결이 암호화되어 있다는 뜻입니다.' },
    ],
  },
  en: {
    statement: 'This is an official website of the Government of the Republic of Korea.',
    howToTell: 'How to tell',
    signs: [
      { title: 'Check the address', body: 'Official websites of the government use addresses ending in go.kr.' },
      { title: 'Check the secure connection', body: 'A padlock or “https://” means the connection is encrypted.' },
    ],
  },
};

const links: FooterLink[] = [
  { href: '/policies/privacy', label: '개인정보처리방침', emphasised: true },
  { href: '/policies/terms', label: '이용약관' },
  { href: '/policies/copyright', label: '저작권정책' },
  { href: '/policies/accessibility', label: '웹 접근성 정책' },
  { href: 'mailto:maru@example.go.kr', label: '문의하기' },
];

/** The official banner, closed: one line; its button opens how to tell an official site. */
export const OfficialBannerKorean: Story = {
  render: () => <OfficialBanner texts={banner.ko} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole('button', { name: /공식 전자정부 누리집/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.queryByText('누리집 주소 확인')).not.toBeVisible();
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText('누리집 주소 확인')).toBeVisible();
  },
};

export const OfficialBannerEnglishOpen: Story = {
  render: () => <OfficialBanner texts={banner.en} />,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: /official website/ }));
  },
};

/** A demo hub: nothing is real, set apart strongly. */
export const PhaseDemo: Story = {
  render: () => (
    <PhaseBanner phase="demo" tag="데모">
      시연용 누리집입니다. 모든 자료는 가상입니다.
    </PhaseBanner>
  ),
};

/** A service the operator is still trying out (`MARU_SITE_PHASE=beta`). */
export const PhaseBeta: Story = {
  render: () => (
    <PhaseBanner phase="beta" tag="Beta">
      This service is new and being tried out; your feedback helps improve it.
    </PhaseBanner>
  ),
};

/** The operator identifier and the footer, as a configured hub shows them: the privacy policy set apart. */
export const IdentifierAndFooter: Story = {
  render: () => (
    <div style={{ padding: '0 1rem 1rem' }}>
      <OperatorIdentifier
        label="운영기관"
        name="행정안전부"
        statement="이 누리집은 행정안전부에서 운영합니다."
        url="https://www.mois.go.kr"
      />
      <SiteFooter
        label="누리집 정보"
        linksLabel="누리집 정책"
        links={links}
        details={[
          { term: '주소', value: '(30112) 세종특별자치시 도움6로 42' },
          { term: '연락처', value: '02-2100-3000 · maru@example.go.kr' },
        ]}
        note="마루 — 디지털플랫폼정부의 열린 허브."
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const privacy = canvas.getByRole('link', { name: '개인정보처리방침' });
    await expect(getComputedStyle(privacy).fontWeight).toBe('700');
    await expect(canvas.getByRole('list', { name: '누리집 정책' })).toBeVisible();
  },
};

/** A hub whose operator wrote no policy pages yet: the footer still names who runs it. */
export const FooterWithoutPolicies: Story = {
  render: () => (
    <div style={{ padding: '0 1rem 1rem' }}>
      <OperatorIdentifier
        label="Operating agency"
        name="Ministry of the Interior and Safety"
        statement="This website is run by the Ministry of the Interior and Safety."
      />
      <SiteFooter
        label="About this website"
        linksLabel="Website policies"
        links={[]}
        details={[{ term: 'Contact', value: '02-2100-3000' }]}
      />
    </div>
  ),
};
