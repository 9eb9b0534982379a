import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { awardedDetail, challengeDetail, challengeDetailKo } from '../stories/fixtures';
import { Timeline } from './timeline';

const meta = {
  title: 'Challenges/Timeline',
  component: Timeline,
  args: { challenge: challengeDetail },
} satisfies Meta<typeof Timeline>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {
  play: async ({ canvasElement }) => {
    const current = canvasElement.querySelectorAll('[aria-current="step"]');
    await expect(current).toHaveLength(1);
  },
};
export const Draft: Story = { args: { challenge: { ...challengeDetail, status: 'DRAFT', publishedAt: null } } };
export const Evaluating: Story = {
  args: { challenge: { ...challengeDetail, status: 'EVALUATING', closedAt: '2026-12-15T09:00:00.000Z' } },
};
export const Awarded: Story = { args: { challenge: awardedDetail } };
export const Cancelled: Story = {
  args: {
    challenge: {
      ...challengeDetail,
      status: 'CANCELLED',
      cancelReason: 'The budget was withdrawn for this fiscal year.',
    },
  },
};
export const WithPhasesKorean: Story = { args: { challenge: challengeDetailKo }, globals: { locale: 'ko' } };
export const NarrowScreen: Story = {
  args: { challenge: challengeDetailKo },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};
