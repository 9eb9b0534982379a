import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { questions, questionsKo } from '../stories/fixtures';
import { tr } from '../stories/story-i18n';
import { QaThread } from './qa-thread';

const meta = {
  title: 'Challenges/QaThread',
  component: QaThread,
  args: { questions },
} satisfies Meta<typeof QaThread>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ReadOnly: Story = {};

/** A company asks: an empty question is refused in place, a written one is handed to `onAsk`. */
export const Ask: Story = {
  args: { onAsk: fn() },
  play: async ({ canvas, args, userEvent }) => {
    const submit = canvas.getByRole('button', { name: tr('qa.ask') });
    await userEvent.click(submit);
    const field = canvas.getByLabelText(new RegExp(tr('qa.askLabel')));
    await expect(field).toHaveAccessibleDescription(new RegExp(tr('qa.questionRequired')));
    await expect(args.onAsk).not.toHaveBeenCalled();
    await userEvent.type(field, 'Can we use the emergency-call data?');
    await userEvent.click(submit);
    await expect(args.onAsk).toHaveBeenCalledWith('Can we use the emergency-call data?');
  },
};

/** The agency answers an open question. */
export const Answer: Story = {
  args: { onAnswer: fn() },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.type(canvas.getByLabelText(new RegExp(tr('qa.answerLabel'))), 'A web app is enough.');
    await userEvent.click(canvas.getByRole('button', { name: tr('qa.publishAnswer') }));
    await expect(args.onAnswer).toHaveBeenCalledWith(questions[1]!.id, 'A web app is enough.');
  },
};

export const Sending: Story = { args: { onAsk: fn(), busy: true } };
export const Refused: Story = {
  args: {
    onAsk: fn(),
    formError: { message: 'Questions can be asked only while the challenge is OPEN.', field: 'question' },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('only while the challenge is OPEN');
  },
};
export const Empty: Story = { args: { questions: [] } };
export const Loading: Story = { args: { loading: true } };
export const LoadError: Story = { args: { error: 'Network error', onRetry: fn() } };
export const LongKorean: Story = { args: { questions: questionsKo, onAsk: fn() }, globals: { locale: 'ko' } };
export const NarrowScreen: Story = {
  args: { questions: questionsKo, onAnswer: fn() },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};
