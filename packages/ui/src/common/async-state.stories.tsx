import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { tr } from '../stories/story-i18n';
import { AsyncState } from './async-state';

/** The loading, error and empty states every list uses. Use it around your own content too. */
const meta = {
  title: 'Shared/AsyncState',
  component: AsyncState,
  args: { children: <p>Content</p> },
} satisfies Meta<typeof AsyncState>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Ready: Story = {};
export const Loading: Story = {
  args: { loading: true, label: 'Challenges' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toBeVisible();
  },
};
export const ErrorWithRetry: Story = {
  args: { error: 'The hub did not answer (HTTP 503).', onRetry: fn() },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: tr('state.retry') }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};
export const Empty: Story = { args: { empty: true } };
export const EmptyWithMessage: Story = {
  args: { empty: true, emptyMessage: 'No challenges match “heat”. Clear the search to see all.' },
};
export const Korean: Story = { args: { error: '허브가 응답하지 않습니다.', onRetry: fn() }, globals: { locale: 'ko' } };
