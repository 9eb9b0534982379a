import type { Meta, StoryObj } from '@storybook/react-vite';
import { StatusBadge, type StatusBadgeProps } from './status-badge';

const meta = {
  title: 'Shared/StatusBadge',
  component: StatusBadge,
  args: { kind: 'challenge', status: 'OPEN' },
} satisfies Meta<typeof StatusBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {};

const all: StatusBadgeProps[] = [
  ...(['DRAFT', 'OPEN', 'CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'] as const).map((status) => ({
    kind: 'challenge' as const,
    status,
  })),
  ...(['DRAFT', 'SUBMITTED', 'WITHDRAWN', 'SHORTLISTED', 'REJECTED', 'WINNER'] as const).map((status) => ({
    kind: 'submission' as const,
    status,
  })),
  ...(['PILOT', 'ACTIVE', 'DEPRECATED', 'SUSPENDED'] as const).map((status) => ({ kind: 'service' as const, status })),
  ...(['REQUESTED', 'ACTIVE', 'REJECTED', 'REVOKED'] as const).map((status) => ({
    kind: 'serviceGrant' as const,
    status,
  })),
  ...(['ENABLED', 'DISABLED', 'FAILED', 'UNINSTALLED'] as const).map((status) => ({ kind: 'plugin' as const, status })),
  ...(['PUBLIC', 'INTERNAL', 'RESTRICTED', 'PERSONAL'] as const).map((status) => ({
    kind: 'classification' as const,
    status,
  })),
  ...(['NEW', 'ACTIVE', 'SYNCING', 'FAILING', 'PAUSED'] as const).map((status) => ({
    kind: 'dataConnection' as const,
    status,
  })),
  ...(['PENDING', 'APPROVED', 'REJECTED', 'REVOKED', 'WITHDRAWN'] as const).map((status) => ({
    kind: 'accessRequest' as const,
    status,
  })),
  ...(['ACTIVE', 'REVOKED', 'EXPIRED'] as const).map((status) => ({ kind: 'consent' as const, status })),
  ...(['RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED'] as const).map((status) => ({ kind: 'sync' as const, status })),
  { kind: 'outcome', status: 'SUCCESS' },
  { kind: 'outcome', status: 'FORBIDDEN' },
];

/** Every status the hub knows, in every tone. An unknown value (a new error code) is shown as it is. */
export const AllStatuses: Story = {
  render: () => (
    <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', listStyle: 'none', padding: 0 }}>
      {all.map((props) => (
        <li key={`${props.kind}-${props.status}`}>
          <StatusBadge {...props} />
        </li>
      ))}
    </ul>
  ),
};

export const Korean: Story = { ...AllStatuses, globals: { locale: 'ko' } };
