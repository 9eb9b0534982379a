import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Deadline } from './deadline';

// Every story counts from one fixed instant: 2026-12-28 10:00 KST.
const NOW = new Date('2026-12-28T01:00:00.000Z');

const meta = {
  title: 'Content/Deadline',
  component: Deadline,
  args: { value: '2026-12-31T09:00:00.000Z', now: NOW },
} satisfies Meta<typeof Deadline>;
export default meta;
type Story = StoryObj<typeof meta>;

export const DaysLeft: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('D-3')).toBeVisible();
    await expect(canvas.getByText('KST')).toBeVisible();
  },
};
export const DaysLeftKorean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/2026\. 12\. 31\. 18:00/)).toBeVisible();
    await expect(canvas.getByText('마감까지 3일 남았습니다')).toBeInTheDocument();
  },
};
export const FarAway: Story = { args: { value: '2027-02-15T09:00:00.000Z' } };
export const Today: Story = {
  args: { value: '2026-12-28T09:00:00.000Z' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('D-DAY')).toBeVisible();
  },
};
export const Passed: Story = {
  args: { value: '2026-12-20T09:00:00.000Z' },
  globals: { locale: 'ko' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('마감', { selector: '[aria-hidden]' })).toBeVisible();
  },
};
export const WithoutBadge: Story = { args: { showDday: false } };
