import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { challenge, challengeKo, longEnglish } from '../stories/fixtures';
import { ChallengeCard } from './challenge-card';

const meta = {
  title: 'Challenges/ChallengeCard',
  component: ChallengeCard,
  args: { challenge, href: '/challenges/Q2hhbGxlbmdlOjE=', now: new Date('2026-12-12T01:00:00.000Z') },
  decorators: [(Story) => <div style={{ maxWidth: '28rem' }}>{Story()}</div>],
} satisfies Meta<typeof ChallengeCard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: challenge.title })).toHaveAttribute(
      'href',
      '/challenges/Q2hhbGxlbmdlOjE=',
    );
  },
};

export const WithoutLink: Story = { args: { href: undefined } };

/** The app renders its router's link; the card passes href, class and children. */
export const WithRouterLink: Story = {
  args: {
    renderLink: ({ href, className, children }) => (
      <a href={`#router${href}`} className={className} data-router-link="">
        {children}
      </a>
    ),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link')).toHaveAttribute('data-router-link');
  },
};

export const Awarded: Story = {
  args: {
    challenge: { ...challenge, status: 'AWARDED', prize: { amount: 100000000, currency: 'KRW', kind: 'CONTRACT' } },
  },
};
export const Cancelled: Story = { args: { challenge: { ...challenge, status: 'CANCELLED', tags: [] } } };
export const LongEnglish: Story = { args: { challenge: longEnglish } };
export const LongKorean: Story = { args: { challenge: challengeKo }, globals: { locale: 'ko' } };
export const NarrowScreen: Story = {
  args: { challenge: longEnglish },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};
export const NarrowKorean: Story = {
  args: { challenge: challengeKo },
  globals: { locale: 'ko', viewport: { value: 'narrow', isRotated: false } },
};
