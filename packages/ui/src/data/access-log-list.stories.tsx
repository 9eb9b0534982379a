import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { accessLog } from '../stories/fixtures-platform';
import { tr } from '../stories/story-i18n';
import { AccessLogList } from './access-log-list';

const meta = {
  title: 'Data/AccessLogList',
  component: AccessLogList,
  args: { entries: accessLog },
} satisfies Meta<typeof AccessLogList>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Reads by a member under an approval, by a plugin, and a refused anonymous preview. */
export const Entries: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('article')).toHaveLength(3);
    await expect(canvas.getByText('FORBIDDEN')).toBeVisible();
    await expect(canvas.getByText(tr('accessLog.anonymous'), { exact: false })).toBeVisible();
  },
};
export const WithLoadMore: Story = { args: { onLoadMore: fn() } };
export const Empty: Story = { args: { entries: [] } };
export const Loading: Story = { args: { entries: [], loading: true } };
export const LoadError: Story = { args: { entries: [], error: 'FORBIDDEN: the owning agency only.', onRetry: fn() } };
export const Korean: Story = { globals: { locale: 'ko' } };
export const NarrowScreen: Story = { globals: { viewport: { value: 'narrow', isRotated: false } } };
