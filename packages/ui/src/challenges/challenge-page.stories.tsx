import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { awardedDetail, challengeDetail, challengeDetailKo } from '../stories/fixtures';
import { tr } from '../stories/story-i18n';
import { ChallengePage } from './challenge-page';

const meta = {
  title: 'Challenges/ChallengePage',
  component: ChallengePage,
  args: {
    challenge: challengeDetail,
    hrefForDataConnection: (connection) => `/data/${connection.id}`,
    hrefForService: (service) => `/services/${service.key}`,
    now: new Date('2026-12-12T01:00:00.000Z'),
  },
} satisfies Meta<typeof ChallengePage>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {
  args: { actions: <a href="#submit">Submit an entry</a>, qa: { onAsk: fn() } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent(challengeDetail.title);
    for (const key of [
      'challenge.problem',
      'challenge.timeline',
      'challenge.criteria',
      'challenge.linked',
      'challenge.qa',
    ]) {
      await expect(canvas.getByRole('heading', { level: 2, name: tr(key) })).toBeVisible();
    }
    await expect(canvas.getByRole('link', { name: 'Cooling shelters' })).toHaveAttribute(
      'href',
      `/data/${challengeDetail.dataConnections![0]!.id}`,
    );
    await expect(canvas.queryByRole('heading', { name: tr('challenge.results') })).toBeNull();
  },
};

/** Once awarded, the results come first: the note and the ranking. */
export const Awarded: Story = {
  args: { challenge: awardedDetail },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 2, name: tr('challenge.results') })).toBeVisible();
    await expect(canvas.getByRole('table', { name: tr('results.caption') })).toHaveTextContent('CoolMap');
  },
};

export const Cancelled: Story = {
  args: {
    challenge: {
      ...challengeDetail,
      status: 'CANCELLED',
      cancelReason: 'The budget was withdrawn for this fiscal year.',
    },
  },
};
export const AgencyAnswering: Story = { args: { qa: { onAnswer: fn() } } };
export const QuestionsLoading: Story = {
  args: { challenge: { ...challengeDetail, questions: [] }, qa: { loading: true } },
};
export const LongKorean: Story = { args: { challenge: challengeDetailKo }, globals: { locale: 'ko' } };
export const NarrowScreen: Story = {
  args: { challenge: awardedDetail },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};
export const NarrowKorean: Story = {
  args: { challenge: challengeDetailKo, qa: { onAsk: fn() } },
  globals: { locale: 'ko', viewport: { value: 'narrow', isRotated: false } },
};
