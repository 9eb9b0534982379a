import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { challengeDetail, challengeDetailKo } from '../stories/fixtures';
import { tr } from '../stories/story-i18n';
import { SubmissionForm } from './submission-form';

const meta = {
  title: 'Challenges/SubmissionForm',
  component: SubmissionForm,
  args: {
    terms: challengeDetail.terms,
    eligibility: { minTeamSize: 1, maxTeamSize: 10 },
    onSubmit: fn(),
    onSaveDraft: fn(),
  },
} satisfies Meta<typeof SubmissionForm>;
export default meta;
type Story = StoryObj<typeof meta>;

const label = (key: string) => new RegExp(`^${tr(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** The values typed are the values submitted. */
export const SubmitsTheValuesTyped: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.type(canvas.getByLabelText(label('submissionForm.title')), 'CoolMap');
    await userEvent.type(canvas.getByLabelText(label('submissionForm.summary')), 'Open shelters near you.');
    await userEvent.type(canvas.getByLabelText(label('submissionForm.proposal')), 'We build a map.');
    const teamSize = canvas.getByLabelText(label('submissionForm.teamSize'));
    await userEvent.clear(teamSize);
    await userEvent.type(teamSize, '4');
    await userEvent.click(canvas.getByRole('button', { name: tr('submissionForm.addLink') }));
    await userEvent.type(canvas.getByLabelText(tr('submissionForm.linkTitle', { n: 1 })), 'Demo');
    await userEvent.type(canvas.getByLabelText(tr('submissionForm.linkUrl', { n: 1 })), 'https://coolmap.example');
    await userEvent.type(canvas.getByLabelText(label('submissionForm.pluginName')), '@hanbit/coolmap');
    await userEvent.type(canvas.getByLabelText(label('submissionForm.pluginVersion')), '1.0.0');
    await userEvent.click(canvas.getByLabelText(label('submissionForm.acknowledgeTerms')));
    await userEvent.click(canvas.getByRole('button', { name: tr('submissionForm.submit') }));
    await expect(args.onSubmit).toHaveBeenCalledWith({
      title: 'CoolMap',
      summary: 'Open shelters near you.',
      proposal: 'We build a map.',
      teamSize: 4,
      links: [{ title: 'Demo', url: 'https://coolmap.example' }],
      pluginPackage: { name: '@hanbit/coolmap', version: '1.0.0' },
      acknowledgeTerms: true,
    });
  },
};

/** Submitting an empty form marks each problem at its field, announces it, and calls nothing. */
export const ValidationMessages: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: tr('submissionForm.submit') }));
    await expect(canvas.getByText(tr('form.fixErrors'))).toBeVisible();
    await expect(canvas.getByLabelText(label('submissionForm.title'))).toHaveAccessibleDescription(
      tr('submissionForm.errors.titleRequired'),
    );
    await expect(canvas.getByLabelText(label('submissionForm.proposal'))).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByLabelText(label('submissionForm.acknowledgeTerms'))).toHaveAccessibleDescription(
      tr('submissionForm.errors.termsRequired'),
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** A draft needs only a title. */
export const SaveDraft: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.type(canvas.getByLabelText(label('submissionForm.title')), 'Early idea');
    await userEvent.click(canvas.getByRole('button', { name: tr('submissionForm.saveDraft') }));
    await expect(args.onSaveDraft).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Early idea', acknowledgeTerms: false }),
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const Busy: Story = {
  args: { busy: true, initialValues: { title: 'CoolMap', proposal: 'We build a map.', acknowledgeTerms: true } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: tr('form.sending') })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: tr('submissionForm.saveDraft') })).toBeDisabled();
  },
};

/** A refusal from the hub, naming a field (`extensions.field`). */
export const ServerError: Story = {
  args: {
    error: { message: 'The submission deadline has passed.', field: 'input.title' },
    initialValues: { title: 'CoolMap' },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('alert').some((alert) => alert.textContent?.includes('deadline has passed'))).toBe(
      true,
    );
    await expect(canvas.getByLabelText(label('submissionForm.title'))).toHaveAccessibleDescription(
      'The submission deadline has passed.',
    );
  },
};

export const EditingADraftKorean: Story = {
  args: {
    terms: challengeDetailKo.terms,
    eligibility: { minTeamSize: 2 },
    initialValues: {
      title: '쿨맵: 가까운 무더위쉼터 안내 서비스',
      summary: '고령층도 쉽게 쓰는 쉼터 지도',
      proposal: '## 해결 방안\n\n주민 위치에서 가까운 쉼터를 안내합니다.',
      teamSize: 3,
      links: [{ title: '시연 영상', url: 'https://coolmap.example/demo' }],
    },
  },
  globals: { locale: 'ko' },
};
export const NarrowScreen: Story = {
  args: { terms: challengeDetailKo.terms },
  globals: { locale: 'ko', viewport: { value: 'narrow', isRotated: false } },
};
