import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { service, serviceKo, serviceWithUsage } from '../stories/fixtures-platform';
import { tr } from '../stories/story-i18n';
import { ServiceCard } from './service-card';
import { ServiceList } from './service-list';

const meta = {
  title: 'Services/ServiceCard',
  component: ServiceCard,
  args: { service, href: '/services/address' },
  decorators: [(Story) => <div style={{ maxWidth: '32rem' }}>{Story()}</div>],
} satisfies Meta<typeof ServiceCard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Active: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: service.name })).toHaveAttribute('href', '/services/address');
    await expect(canvas.getByText('batchLookup')).toBeVisible();
  },
};

/** Platform admins see the metered calls of the last days. */
export const WithUsage: Story = {
  args: {
    service: serviceWithUsage,
    actions: (
      <button type="button" className="maru-button maru-button--secondary" onClick={fn()}>
        Suspend
      </button>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    await expect(
      canvas.getByText(
        tr('service.calls', {
          calls: (3322).toLocaleString(document.documentElement.lang),
          failures: (15).toLocaleString(document.documentElement.lang),
        }),
      ),
    ).toBeVisible();
    await userEvent.click(canvas.getByText(tr('service.usageByDay')));
    await expect(canvas.getByRole('table')).toBeVisible();
  },
};

export const BuiltIn: Story = {
  args: { service: { ...service, source: 'CORE', plugin: null, status: 'DEPRECATED', operations: [] } },
};
export const Suspended: Story = { args: { service: { ...service, status: 'SUSPENDED' } } };
export const LongKorean: Story = { args: { service: serviceKo }, globals: { locale: 'ko' } };
export const NarrowScreen: Story = {
  args: { service: serviceWithUsage },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};

/** The catalogue: cards in a grid, with loading, error and empty states. */
export const Catalogue: StoryObj<typeof ServiceList> = {
  render: (args) => <ServiceList {...args} />,
  args: {
    services: [
      service,
      serviceKo,
      { ...service, id: 'x', key: 'notify', name: 'Notifications', category: 'Messaging' },
    ],
    hrefFor: (s) => `/services/${s.key}`,
  },
  decorators: [(Story) => <div style={{ maxWidth: 'none' }}>{Story()}</div>],
};
export const CatalogueLoading: StoryObj<typeof ServiceList> = { ...Catalogue, args: { services: [], loading: true } };
export const CatalogueEmpty: StoryObj<typeof ServiceList> = {
  ...Catalogue,
  args: { services: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(tr('service.empty'))).toBeVisible();
  },
};
export const CatalogueError: StoryObj<typeof ServiceList> = {
  ...Catalogue,
  args: { services: [], error: 'The hub did not answer.', onRetry: fn() },
};
