import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { auditEvents } from '../stories/fixtures-platform';
import { tr } from '../stories/story-i18n';
import { AuditList } from './audit-list';

const meta = {
  title: 'Audit/AuditList',
  component: AuditList,
  args: { events: auditEvents },
} satisfies Meta<typeof AuditList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Events: Story = {
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table', { name: tr('audit.label') });
    await expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    await expect(canvas.getByText('FORBIDDEN')).toBeVisible();
  },
};

/** The app names actors and links targets. */
export const WithNames: Story = {
  args: {
    renderActor: (event) =>
      event.actorMemberId === 'TWVtYmVyOjE='
        ? 'Kim Min-ji (Ministry of the Interior and Safety)'
        : 'Lee Jun-ho (Hanbit Labs)',
    renderTarget: (event) => (event.targetId ? <a href={`#/objects/${event.targetId}`}>{event.targetId}</a> : '—'),
  },
};
export const WithLoadMore: Story = {
  args: { onLoadMore: fn() },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: tr('state.loadMore') }));
    await expect(args.onLoadMore).toHaveBeenCalledOnce();
  },
};
export const Empty: Story = { args: { events: [] } };
export const Loading: Story = { args: { events: [], loading: true } };
export const LoadError: Story = {
  args: { events: [], error: 'FORBIDDEN: set filter.organizationId to your organization.', onRetry: fn() },
};
export const Korean: Story = { globals: { locale: 'ko' } };
export const NarrowScreen: Story = { globals: { locale: 'ko', viewport: { value: 'narrow', isRotated: false } } };
