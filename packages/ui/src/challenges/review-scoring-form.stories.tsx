import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { criteria, criteriaKo } from '../stories/fixtures';
import { tr } from '../stories/story-i18n';
import { ReviewScoringForm } from './review-scoring-form';

const meta = {
  title: 'Challenges/ReviewScoringForm',
  component: ReviewScoringForm,
  args: { criteria, submission: { title: 'CoolMap', organization: { name: 'Hanbit Labs' } }, onSubmit: fn() },
} satisfies Meta<typeof ReviewScoringForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Scores and comments typed are submitted; the weighted total follows the weights (9×40 + 8×35 + 7×25) / 10 = 81.5. */
export const ScoresEveryCriterion: Story = {
  play: async ({ canvas, args, userEvent }) => {
    const [impact, feasibility, openness] = criteria;
    await userEvent.type(canvas.getByLabelText(new RegExp(tr('reviewForm.score', { name: impact!.name }))), '9');
    await userEvent.type(canvas.getByLabelText(new RegExp(tr('reviewForm.score', { name: feasibility!.name }))), '8');
    await userEvent.type(canvas.getByLabelText(new RegExp(tr('reviewForm.score', { name: openness!.name }))), '7');
    await userEvent.type(
      canvas.getByLabelText(tr('reviewForm.comment', { name: impact!.name })),
      'Strong field tests.',
    );
    await userEvent.type(canvas.getByLabelText(tr('reviewForm.publicComment')), 'Well argued.');
    await expect(
      canvas.getByText(tr('reviewForm.total', { total: (81.5).toLocaleString(document.documentElement.lang) })),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: tr('reviewForm.submit') }));
    await expect(args.onSubmit).toHaveBeenCalledWith({
      scores: [
        { criterionKey: 'impact', score: 9, comment: 'Strong field tests.' },
        { criterionKey: 'feasibility', score: 8, comment: '' },
        { criterionKey: 'openness', score: 7, comment: '' },
      ],
      publicComment: 'Well argued.',
    });
  },
};

/** Out-of-range and missing scores are marked; nothing is sent. */
export const ValidationMessages: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.type(canvas.getByLabelText(new RegExp(tr('reviewForm.score', { name: criteria[0]!.name }))), '11');
    await userEvent.click(canvas.getByRole('button', { name: tr('reviewForm.submit') }));
    await expect(canvas.getByText(tr('form.fixErrors'))).toBeVisible();
    await expect(canvas.getAllByText(tr('reviewForm.scoreInvalid'))).toHaveLength(3);
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const EditingEarlierReview: Story = {
  args: {
    initialValues: {
      scores: [
        { criterionKey: 'impact', score: 6, comment: 'Needs more field data.' },
        { criterionKey: 'feasibility', score: 7, comment: '' },
        { criterionKey: 'openness', score: 10, comment: '' },
      ],
      publicComment: 'Promising.',
    },
  },
};
export const Busy: Story = { args: { busy: true } };
export const ServerError: Story = {
  args: { error: { message: 'Reviewers cannot score an entry of their own organization.' } },
};
export const Korean: Story = {
  args: {
    criteria: criteriaKo,
    submission: { title: '쿨맵: 가까운 무더위쉼터 안내 서비스', organization: { name: '주식회사 한빛연구소' } },
  },
  globals: { locale: 'ko' },
};
export const NarrowScreen: Story = {
  args: { criteria: criteriaKo },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};
