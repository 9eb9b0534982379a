import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { connection, connectionKo } from '../stories/fixtures-platform';
import { tr } from '../stories/story-i18n';
import { AccessRequestDialog, type AccessRequestDialogProps } from './access-request-dialog';

/** How an app uses the dialog: a button opens it, Cancel / Escape / a sent request close it. */
function WithOpener(props: Omit<AccessRequestDialogProps, 'open' | 'onClose'> & { startOpen?: boolean }) {
  const { startOpen = false, onSubmit, ...rest } = props;
  const [open, setOpen] = useState(startOpen);
  return (
    <>
      <button type="button" className="maru-button" onClick={() => setOpen(true)}>
        {tr('accessRequest.submit')}…
      </button>
      <AccessRequestDialog
        {...rest}
        open={open}
        onClose={() => setOpen(false)}
        onSubmit={(values) => {
          onSubmit(values);
          setOpen(false);
        }}
      />
    </>
  );
}

const meta = {
  title: 'Data/AccessRequestDialog',
  component: AccessRequestDialog,
  args: { open: true, onClose: fn(), onSubmit: fn(), connection, now: new Date() },
  // A modal in the docs page would cover it: render each story in its own frame there.
  parameters: { docs: { story: { inline: false, height: '44rem' } } },
} satisfies Meta<typeof AccessRequestDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

const dateInput = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const inDays = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return dateInput(date);
};

/** Opens as a modal, keeps Tab inside, validates, submits the values chosen, closes; Escape closes it and focus returns to the opener. */
export const OpenFillSubmitClose: Story = {
  render: (args) => <WithOpener connection={args.connection} onSubmit={args.onSubmit} />,
  play: async ({ canvas, canvasElement, args, userEvent, step }) => {
    const opener = canvas.getByRole('button', { name: `${tr('accessRequest.submit')}…` });
    await step('opens as a modal with focus inside', async () => {
      await userEvent.click(opener);
      const dialog = await canvas.findByRole('dialog', { name: tr('accessRequest.title', { name: connection.name }) });
      await expect(dialog).toHaveAttribute('open');
      await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    });
    const dialog = canvas.getByRole('dialog');
    await step('Tab and Shift+Tab stay inside the dialog', async () => {
      for (let i = 0; i < 15; i++) {
        await userEvent.tab();
        await expect(dialog.contains(document.activeElement)).toBe(true);
      }
      for (let i = 0; i < 5; i++) {
        await userEvent.tab({ shift: true });
        await expect(dialog.contains(document.activeElement)).toBe(true);
      }
    });
    await step('validation messages appear', async () => {
      await userEvent.click(canvas.getByRole('button', { name: tr('accessRequest.submit') }));
      await expect(canvas.getByText(tr('accessRequest.errors.fields'))).toBeVisible();
      await expect(canvas.getByLabelText(new RegExp(tr('accessRequest.purpose')))).toHaveAccessibleDescription(
        new RegExp(tr('accessRequest.errors.purpose')),
      );
      await expect(args.onSubmit).not.toHaveBeenCalled();
    });
    await step('submits the values chosen and closes', async () => {
      await userEvent.click(canvas.getByRole('checkbox', { name: /^district/ }));
      await userEvent.click(canvas.getByRole('checkbox', { name: /^age/ }));
      await userEvent.type(
        canvas.getByLabelText(new RegExp(tr('accessRequest.purpose'))),
        'Heat-illness research 2026',
      );
      const expiry = canvas.getByLabelText(new RegExp(tr('accessRequest.expiresAt')));
      await userEvent.clear(expiry);
      await userEvent.type(expiry, inDays(30));
      await userEvent.click(canvas.getByRole('button', { name: tr('accessRequest.submit') }));
      await expect(args.onSubmit).toHaveBeenCalledWith({
        fields: ['district', 'age'],
        purpose: 'Heat-illness research 2026',
        expiresAt: new Date(`${inDays(30)}T23:59:59`).toISOString(),
      });
      await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
      await expect(opener).toHaveFocus();
    });
    await step('Escape closes it again', async () => {
      await userEvent.click(opener);
      await waitFor(() => expect(dialog).toHaveAttribute('open'));
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
      await expect(opener).toHaveFocus();
      await expect(canvasElement.querySelector('dialog[open]')).toBeNull();
    });
  },
};

/** Cancel closes without sending. */
export const Cancel: Story = {
  render: (args) => <WithOpener connection={args.connection} onSubmit={args.onSubmit} startOpen />,
  play: async ({ canvas, args, userEvent }) => {
    const dialog = await canvas.findByRole('dialog');
    await userEvent.click(canvas.getByRole('button', { name: tr('form.cancel') }));
    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const Busy: Story = { args: { busy: true, initialValues: { fields: ['district'], purpose: 'Research' } } };
export const ServerError: Story = {
  args: {
    error: { message: 'Your organization already has a pending request for this connection.', field: 'fields' },
    initialValues: { fields: ['district'] },
  },
};
export const LongKorean: Story = {
  args: { connection: connectionKo, initialValues: { purpose: '2026년 폭염 취약계층 방문 돌봄 대상자 선정' } },
  globals: { locale: 'ko' },
};
export const NarrowScreen: Story = {
  args: { connection: connectionKo },
  globals: { locale: 'ko', viewport: { value: 'narrow', isRotated: false } },
};
