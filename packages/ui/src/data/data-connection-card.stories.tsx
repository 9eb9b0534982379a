import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { connection, connectionKo, publicConnection } from '../stories/fixtures-platform';
import { tr } from '../stories/story-i18n';
import { DataConnectionCard } from './data-connection-card';
import { DataConnectionList } from './data-connection-list';

const meta = {
  title: 'Data/DataConnectionCard',
  component: DataConnectionCard,
  args: { connection, href: `/data/${connection.id}` },
} satisfies Meta<typeof DataConnectionCard>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Personal data: personal fields marked in the schema; values withheld without consent say so. */
export const PersonalWithPreview: Story = {
  args: {
    actions: (
      <button type="button" className="maru-button" onClick={fn()}>
        Request access
      </button>
    ),
  },
  play: async ({ canvas }) => {
    const schema = canvas.getByRole('table', { name: tr('data.schema') });
    await expect(schema.querySelectorAll('.maru-badge--danger')).toHaveLength(2);
    await expect(canvas.getByRole('table', { name: tr('data.preview') })).toHaveTextContent(tr('data.masked'));
  },
};

export const PublicFailingSync: Story = { args: { connection: publicConnection } };
export const WithoutPreview: Story = { args: { connection: { ...connection, preview: null } } };
export const EmptyPreview: Story = { args: { connection: { ...connection, preview: [] } } };
export const LongKorean: Story = { args: { connection: connectionKo }, globals: { locale: 'ko' } };
export const NarrowScreen: Story = {
  args: { connection: connectionKo },
  globals: { locale: 'ko', viewport: { value: 'narrow', isRotated: false } },
};

/** The data catalogue: cards without schema or preview. */
export const Catalogue: StoryObj<typeof DataConnectionList> = {
  render: (args) => <DataConnectionList {...args} />,
  args: { connections: [publicConnection, connection, connectionKo], hrefFor: (c) => `/data/${c.id}` },
};
export const CatalogueLoading: StoryObj<typeof DataConnectionList> = {
  ...Catalogue,
  args: { connections: [], loading: true },
};
export const CatalogueEmpty: StoryObj<typeof DataConnectionList> = { ...Catalogue, args: { connections: [] } };
export const CatalogueError: StoryObj<typeof DataConnectionList> = {
  ...Catalogue,
  args: { connections: [], error: 'Network error', onRetry: fn() },
};
