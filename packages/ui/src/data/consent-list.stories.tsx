import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { consents, consentsKo } from '../stories/fixtures-platform';
import { tr } from '../stories/story-i18n';
import { ConsentList } from './consent-list';

const meta = {
  title: 'Data/ConsentList',
  component: ConsentList,
  args: { consents },
} satisfies Meta<typeof ConsentList>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Active, revoked and expired consents; only the active one can be revoked. */
export const Revocable: Story = {
  args: { onRevoke: fn() },
  play: async ({ canvas, args, userEvent }) => {
    const buttons = canvas.getAllByRole('button', { name: new RegExp(tr('consent.revoke')) });
    await expect(buttons).toHaveLength(1);
    await expect(canvas.getByText(tr('status.consent.EXPIRED'))).toBeVisible();
    await userEvent.click(buttons[0]!);
    await expect(args.onRevoke).toHaveBeenCalledWith(consents[0]!.id);
  },
};

export const ReadOnly: Story = {};
export const Revoking: Story = { args: { onRevoke: fn(), revokingId: consents[0]!.id } };
export const RevokeRefused: Story = {
  args: { onRevoke: fn(), revokeError: { message: 'Only the data subject or the owning agency may revoke.' } },
};
export const Empty: Story = { args: { consents: [] } };
export const Loading: Story = { args: { consents: [], loading: true } };
export const LoadError: Story = { args: { consents: [], error: 'UNAUTHENTICATED: sign in with your subject key.' } };
export const LongKorean: Story = {
  args: { consents: consentsKo, onRevoke: fn(), showSubject: false },
  globals: { locale: 'ko' },
};
export const NarrowScreen: Story = {
  args: { consents, onRevoke: fn() },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};
