import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { challenges, challengeKo, longEnglish } from '../stories/fixtures';
import { tr } from '../stories/story-i18n';
import { ChallengeList } from './challenge-list';

const meta = {
  title: 'Challenges/ChallengeList',
  component: ChallengeList,
  args: { challenges, hrefFor: (c) => `/challenges/${c.id}`, totalCount: 3 },
} satisfies Meta<typeof ChallengeList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('article')).toHaveLength(3);
  },
};

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      tr('state.loadingWhat', { what: tr('challenge.listLabel') }),
    );
  },
};

export const Empty: Story = {
  args: { challenges: [], totalCount: 0 },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(tr('challenge.empty'))).toBeVisible();
  },
};

export const LoadError: Story = {
  args: { error: 'The hub did not answer (HTTP 503).', onRetry: fn() },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('HTTP 503');
    await userEvent.click(canvas.getByRole('button', { name: tr('state.retry') }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

export const WithLoadMore: Story = {
  args: { onLoadMore: fn() },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: tr('state.loadMore') }));
    await expect(args.onLoadMore).toHaveBeenCalledOnce();
  },
};

export const LongTextKorean: Story = {
  args: { challenges: [challengeKo, longEnglish], totalCount: 2 },
  globals: { locale: 'ko' },
};
export const NarrowScreen: Story = {
  args: { challenges: [challengeKo, ...challenges] },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};
