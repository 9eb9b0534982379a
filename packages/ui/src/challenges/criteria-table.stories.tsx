import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { criteria, criteriaKo, results } from '../stories/fixtures';
import { tr } from '../stories/story-i18n';
import { CriteriaTable } from './criteria-table';

const meta = {
  title: 'Challenges/CriteriaTable',
  component: CriteriaTable,
  args: { criteria },
} satisfies Meta<typeof CriteriaTable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Criteria: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('table', { name: tr('criteria.caption') })).toBeVisible();
    await expect(canvas.getByRole('row', { name: new RegExp(tr('criteria.total')) })).toHaveTextContent('100%');
  },
};

/** After the award: the ranking with per-criterion averages; unscored entries say so. */
export const WithResults: Story = {
  args: { results },
  play: async ({ canvas }) => {
    const ranking = canvas.getByRole('table', { name: tr('results.caption') });
    await expect(ranking).toHaveTextContent(tr('results.winner'));
    await expect(ranking).toHaveTextContent(tr('results.notScored'));
  },
};

export const NoResultsYet: Story = { args: { results: [] } };
export const Korean: Story = { args: { criteria: criteriaKo, results }, globals: { locale: 'ko' } };
export const NarrowScreen: Story = {
  args: { criteria: criteriaKo, results },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};
