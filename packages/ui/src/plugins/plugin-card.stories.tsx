import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { failedPlugin, plugin, unconfinedPlugin } from '../stories/fixtures-platform';
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

/** Capabilities asked for, with those granted marked; signed by a registered key; runs in an isolate (plugin API 2). */
export const Signed: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getAllByText(tr('plugin.granted'))).toHaveLength(2);
    await expect(canvas.getByText(tr('plugin.notGranted'))).toBeVisible();
    await expect(canvas.getByText(tr('plugin.signedBy', { key: 'maru-2026' }))).toBeVisible();
    await expect(canvas.getByText(tr('plugin.isolated'))).toBeVisible();
    await expect(canvas.getByText(tr('plugin.isolatedNote'))).toBeVisible();
    await expect(canvas.queryByText(tr('plugin.unconfined'))).toBeNull();
  },
};

/** A legacy plugin of API 1, loaded because the operator set MARU_PLUGIN_LEGACY_WORKERS=1: the risk and the fix, in words. */
export const Unconfined: Story = {
  args: { plugin: unconfinedPlugin },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(tr('plugin.unconfined'))).toBeVisible();
    await expect(canvas.getByText(tr('plugin.unconfinedNote'))).toBeVisible();
    await expect(canvas.queryByText(tr('plugin.isolated'))).toBeNull();
  },
};

/** A hub from before `Plugin.isolation`: unknown, so no isolation badge or sentence. */
export const IsolationUnknown: Story = {
  args: { plugin: { ...plugin, isolation: undefined } },
  play: async ({ canvas }) => {
    await expect(canvas.queryByText(tr('plugin.isolated'))).toBeNull();
    await expect(canvas.queryByText(tr('plugin.unconfined'))).toBeNull();
    await expect(canvas.queryByText(tr('plugin.isolation'))).toBeNull();
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
export const SaveRefused: Story = {
  args: { onSaveCapabilities: fn(), error: { message: 'CAPABILITY_DENIED: the plugin does not ask for events:emit.' } },
};
export const FailedUnsigned: Story = { args: { plugin: failedPlugin } };
/** A legacy plugin the hub refused (MARU_PLUGIN_LEGACY_WORKERS unset): its code does not run, so no isolation badge. */
export const FailedLegacy: Story = {
  args: {
    plugin: {
      ...failedPlugin,
      isolation: 'UNCONFINED',
      problems: ['Plugin API 1 is no longer loaded: rebuild it with maru build and compatibility "^2.0.0".'],
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.queryByText(tr('plugin.unconfined'))).toBeNull();
    await expect(canvas.queryByText(tr('plugin.unconfinedNote'))).toBeNull();
  },
};
export const Korean: Story = {
  args: { plugin: { ...plugin, publisher: '주식회사 한빛연구소' }, onSaveCapabilities: fn() },
  globals: { locale: 'ko' },
};
export const UnconfinedKorean: Story = {
  args: { plugin: { ...unconfinedPlugin, publisher: '주식회사 한빛연구소' } },
  globals: { locale: 'ko' },
};
export const NarrowScreen: Story = {
  args: { plugin: failedPlugin },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};

export const List: StoryObj<typeof PluginList> = {
  render: (args) => <PluginList {...args} />,
  args: { plugins: [plugin, unconfinedPlugin, failedPlugin] },
};
export const ListLoading: StoryObj<typeof PluginList> = { ...List, args: { plugins: [], loading: true } };
export const ListEmpty: StoryObj<typeof PluginList> = { ...List, args: { plugins: [] } };
export const ListError: StoryObj<typeof PluginList> = {
  ...List,
  args: { plugins: [], error: 'FORBIDDEN: platform admins only.' },
};
