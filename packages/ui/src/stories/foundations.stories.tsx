import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';

/**
 * The foundations @maru/ui's components are built from: the design tokens (CSS custom properties) in
 * `styles.css`. Apps use the same tokens for their own layouts (the portal's shell and pages do), so colour, type and
 * spacing stay one system. Values are read from the stylesheet as it is loaded: what is shown is what ships.
 */
const meta = {
  title: 'Foundations/Design tokens',
  parameters: { layout: 'padded' },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Reads each token's value from the loaded stylesheet. */
function useTokens(names: readonly string[]): Record<string, string> {
  const [values, setValues] = useState<Record<string, string>>({});
  // By value: callers pass a new array each render.
  const key = names.join(' ');
  useEffect(() => {
    const style = getComputedStyle(document.documentElement);
    setValues(Object.fromEntries(key.split(' ').map((name) => [name, style.getPropertyValue(name).trim()])));
  }, [key]);
  return values;
}

const COLOURS = [
  ['--maru-text', 'Body text'],
  ['--maru-text-muted', 'Secondary text, hints'],
  ['--maru-bg', 'Page and card background'],
  ['--maru-surface', 'Backdrop behind cards'],
  ['--maru-border', 'Borders and rules'],
  ['--maru-primary', 'Links, primary buttons, current page'],
  ['--maru-primary-hover', 'Primary, hovered'],
  ['--maru-on-primary', 'Text on primary'],
  ['--maru-focus', 'Focus ring (3 px, offset 2 px)'],
  ['--maru-danger', 'Errors, destructive buttons'],
  ['--maru-info-bg', 'Information background'],
  ['--maru-info-fg', 'Information text'],
  ['--maru-success-bg', 'Success background'],
  ['--maru-success-fg', 'Success text'],
  ['--maru-warning-bg', 'Warning background (demo phase)'],
  ['--maru-warning-fg', 'Warning text'],
  ['--maru-danger-bg', 'Danger background'],
  ['--maru-danger-fg', 'Danger text'],
  ['--maru-neutral-bg', 'Neutral badge background'],
  ['--maru-neutral-fg', 'Neutral badge text'],
] as const;

const SPACES = ['--maru-space-1', '--maru-space-2', '--maru-space-3', '--maru-space-4', '--maru-space-6'] as const;

const cell = { padding: '0.5rem', borderBottom: '1px solid var(--maru-border)', textAlign: 'start' } as const;

/** Every colour token, with what it is for. Text colours meet WCAG AA (4.5:1) on the backgrounds they are paired with. */
export const Colour: Story = {
  render: function Colours() {
    const values = useTokens(COLOURS.map(([name]) => name));
    return (
      <table className="maru-table" style={{ borderCollapse: 'collapse', fontFamily: 'var(--maru-font)' }}>
        <caption style={{ textAlign: 'start', fontWeight: 700, paddingBottom: '0.5rem' }}>Colour tokens</caption>
        <thead>
          <tr>
            <th style={cell}>Swatch</th>
            <th style={cell}>Token</th>
            <th style={cell}>Value</th>
            <th style={cell}>Use</th>
          </tr>
        </thead>
        <tbody>
          {COLOURS.map(([name, use]) => (
            <tr key={name}>
              <td style={cell}>
                <span
                  aria-hidden="true"
                  style={{
                    display: 'inline-block',
                    width: '2.5rem',
                    height: '1.5rem',
                    border: '1px solid var(--maru-border)',
                    borderRadius: 4,
                    background: `var(${name})`,
                  }}
                />
              </td>
              <td style={cell}>
                <code>{name}</code>
              </td>
              <td style={cell}>
                <code data-token={name}>{values[name]}</code>
              </td>
              <td style={cell}>{use}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Every token is defined by the stylesheet (an empty value would mean a renamed or lost token).
    await waitFor(() => expect(canvasElement.querySelector('[data-token="--maru-text"]')?.textContent).not.toBe(''));
    for (const [name] of COLOURS) {
      const value = canvasElement.querySelector(`[data-token="${name}"]`)?.textContent ?? '';
      await expect(value, name).toMatch(/^#|^rgb/);
    }
    await expect(canvas.getByRole('table', { name: 'Colour tokens' })).toBeVisible();
  },
};

/** The type: one font stack with Korean faces (Apple SD Gothic Neo, Noto Sans KR, Malgun Gothic), the sizes in use. */
export const Type: Story = {
  render: function TypeScale() {
    const values = useTokens(['--maru-font', '--maru-font-mono']);
    const sizes = [
      ['h1', '1.75rem (1.5rem on phones)', 'Page title · 챌린지'],
      ['h2', '1.25rem', 'Section · 심사 기준'],
      ['h3', '1.0625rem', 'Sub-section · 제출 서류'],
      ['body', '1rem, line height 1.55', '디지털플랫폼정부의 열린 허브입니다. Korean wraps between words (keep-all).'],
      ['small', '0.875rem', 'Hints, badges and the footer · 도움말'],
    ] as const;
    return (
      <div style={{ fontFamily: 'var(--maru-font)', color: 'var(--maru-text)' }}>
        <p>
          <code>--maru-font</code>: {values['--maru-font']}
        </p>
        <p>
          <code>--maru-font-mono</code>: <code>{values['--maru-font-mono']}</code>
        </p>
        <dl>
          {sizes.map(([role, size, sample]) => (
            <div key={role} style={{ marginBottom: '0.75rem' }}>
              <dt style={{ color: 'var(--maru-text-muted)', fontSize: '0.875rem' }}>
                {role} — {size}
              </dt>
              <dd
                style={{
                  margin: 0,
                  fontSize: size.split(' ')[0],
                  fontWeight: role.startsWith('h') ? 700 : 400,
                  wordBreak: 'keep-all',
                }}
              >
                {sample}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    );
  },
};

/** The spacing steps (a 4 px base): gaps between fields, card padding, section spacing. */
export const Spacing: Story = {
  render: function SpacingScale() {
    const values = useTokens(SPACES);
    return (
      <ul style={{ listStyle: 'none', padding: 0, fontFamily: 'var(--maru-font)' }}>
        {SPACES.map((name) => (
          <li key={name} style={{ display: 'flex', alignItems: 'center', gap: '1rem', marginBottom: '0.5rem' }}>
            <span
              aria-hidden="true"
              style={{
                display: 'inline-block',
                width: `var(${name})`,
                height: '1.5rem',
                background: 'var(--maru-primary)',
              }}
            />
            <code>{name}</code> <span>{values[name]}</span>
          </li>
        ))}
        <li style={{ marginTop: '1rem' }}>
          <code>--maru-radius</code>: 8 px · touch targets at least 44 px (2.75rem) tall.
        </li>
      </ul>
    );
  },
};
