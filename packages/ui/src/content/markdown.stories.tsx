import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Markdown } from './markdown';

const meta = {
  title: 'Content/Markdown',
  component: Markdown,
  decorators: [(Story) => <div style={{ maxWidth: '40rem' }}>{Story()}</div>],
} satisfies Meta<typeof Markdown>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Formatted: Story = {
  args: {
    text: [
      '# Background',
      'Citizens wait **three weeks** for a _permit_; we want it in a day.',
      '',
      '- Use the [address service](/services)',
      '- Read the [open data guide](https://www.data.go.kr)',
      '',
      '1. Submit a proposal',
      '2. Answer the panel',
      '',
      '> Proposals in Korean or English are welcome.',
      '',
      '| Phase | Weeks |',
      '| --- | --- |',
      '| Pilot | 8 |',
    ].join('\n'),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('three weeks').tagName).toBe('STRONG');
    await expect(canvas.getByRole('heading', { name: 'Background', level: 3 })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'open data guide' })).toHaveAttribute(
      'rel',
      'noopener noreferrer nofollow',
    );
    await expect(canvas.queryByText(/\*\*/)).toBeNull();
  },
};

export const Korean: Story = {
  args: {
    text: '## 추진 배경\n\n민원 처리에 **평균 3주**가 걸립니다.\n\n- 주소 검색 서비스 활용\n- [공공데이터포털](https://www.data.go.kr) 참고',
  },
  globals: { locale: 'ko' },
};

/** Scripts, handlers, raw HTML and `javascript:` links render as inert text or not at all. */
export const Hostile: Story = {
  args: {
    text: [
      'Before <script>window.__pwned = true</script> after.',
      '',
      '<img src="x" onerror="window.__pwned = true">',
      '',
      '<div onclick="window.__pwned = true">raw html</div>',
      '',
      '[click me](javascript:window.__pwned=true)',
    ].join('\n'),
  },
  play: async ({ canvasElement, canvas }) => {
    await expect(canvasElement.querySelector('script, img, [onclick], [onerror]')).toBeNull();
    await expect(canvas.queryByRole('link')).toBeNull();
    await expect(canvas.getByText('click me')).toBeVisible();
    await expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  },
};
