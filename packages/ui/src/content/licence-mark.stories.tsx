import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LicenceMark } from './licence-mark';

const meta = {
  title: 'Content/LicenceMark',
  component: LicenceMark,
  args: { licence: 'KOGL-Type1', withConditions: true },
} satisfies Meta<typeof LicenceMark>;
export default meta;
type Story = StoryObj<typeof meta>;

export const KoglType1: Story = {
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('img', {
        name: /^(Korea Open Government Licence \(KOGL\) Type 1: Credit the source|공공누리 제1유형: 출처표시)$/,
      }),
    ).toBeVisible();
  },
};
export const KoglType1Korean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: '공공누리 제1유형: 출처표시' })).toBeVisible();
  },
};
export const KoglType2: Story = { args: { licence: 'KOGL-Type2' }, globals: { locale: 'ko' } };
export const KoglType3: Story = { args: { licence: 'KOGL-Type3' }, globals: { locale: 'ko' } };
export const KoglType4: Story = {
  args: { licence: 'KOGL-Type4' },
  globals: { locale: 'ko' },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('img', { name: '공공누리 제4유형: 출처표시, 상업적 이용금지, 변경금지' }),
    ).toBeVisible();
  },
};
export const CreativeCommons: Story = { args: { licence: 'CC-BY-4.0' } };
export const CreativeCommonsShareAlike: Story = { args: { licence: 'CC-BY-SA-4.0' } };
export const PublicDomain: Story = { args: { licence: 'CC0-1.0' } };
export const Compact: Story = { args: { licence: 'KOGL-Type3', withConditions: false } };
export const Unknown: Story = {
  args: { licence: '기관 내부 이용' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('기관 내부 이용')).toBeVisible();
  },
};
