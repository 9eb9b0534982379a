import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { failedPlugin, plugin } from '../stories/fixtures-platform';
import { tr } from '../stories/story-i18n';
import { PluginCard } from './plugin-card';
import { PluginList } from './plugin-list';

const meta = {
  title: 'Plugins/PluginCard',
  component: PluginCard,
  args: { plugin },
  decorators: [(Story) => <div style={{ maxWidth: '36rem' }}>{Story()}</div>],
} satisfies Meta<typeof PluginCard>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Capabilities asked for, with those granted marked; signed by a registered key. */
export const Signed: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getAllByText(tr('plugin.granted'))).toHaveLength(2);
    await expect(canvas.getByText(tr('plugin.notGranted'))).toBeVisible();
    await expect(canvas.getByText(tr('plugin.signedBy', { key: 'maru-2026' }))).toBeVisible();
  },
};

/** Platform admins grant exactly the capabilities they tick. */
export const GrantCapabilities: Story = {
  args: { onSaveCapabilities: fn() },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('checkbox', { name: /^kv/ })).toBeChecked();
    await userEvent.click(canvas.getByRole('checkbox', { name: /^fetch/ }));
    await userEvent.click(canvas.getByRole('checkbox', { name: /^data:read/ }));
    await userEvent.click(canvas.getByRole('button', { name: tr('plugin.saveCapabilities') }));
    await expect(args.onSaveCapabilities).toHaveBeenCalledWith(['kv', 'data:read']);
  },
};

export const Saving: Story = { args: { onSaveCapabilities: fn(), busy: true } };
export const SaveRefused: Story = { args: { onSaveCapabilities: fn(), error: { message: 'CAPABILITY_DENIED: the plugin does not ask for events:emit.' } } };
export const FailedUnsigned: Story = { args: { plugin: failedPlugin } };
export const Korean: Story = { args: { plugin: { ...plugin, publisher: '주식회사 한빛연구소' }, onSaveCapabilities: fn() }, globals: { locale: 'ko' } };
export const NarrowScreen: Story = { args: { plugin: failedPlugin }, globals: { viewport: { value: 'narrow', isRotated: false } } };

export const List: StoryObj<typeof PluginList> = { render: (args) => <PluginList {...args} />, args: { plugins: [plugin, failedPlugin] } };
export const ListLoading: StoryObj<typeof PluginList> = { ...List, args: { plugins: [], loading: true } };
export const ListEmpty: StoryObj<typeof PluginList> = { ...List, args: { plugins: [] } };
export const ListError: StoryObj<typeof PluginList> = { ...List, args: { plugins: [], error: 'FORBIDDEN: platform admins only.' } };
