import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeUrl } from './markdown';

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('Markdown', () => {
  it('formats bold, lists, links and tables instead of showing the marks', () => {
    const html = render(
      '**굵게** and _italic_\n\n- one\n- two\n\n[docs](https://example.org/a)\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<strong>굵게</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(html).toContain('<table>');
    expect(html).not.toContain('**');
  });

  it('marks external links noopener noreferrer and keeps relative links as they are', () => {
    const html = render('[out](https://example.org/x) and [in](/data/abc)');
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer nofollow">out</a>');
    expect(html).toContain('<a href="/data/abc">in</a>');
  });

  it('puts the text headings under the page headings, with no level skipped', () => {
    expect(render('# Title\n\n## Part')).toMatch(/<h3[^>]*>Title<\/h3>[\s\S]*<h4[^>]*>Part<\/h4>/);
    expect(render('## Background\n\n#### Detail')).toMatch(/<h3[^>]*>Background<\/h3>[\s\S]*<h4[^>]*>Detail<\/h4>/);
    const deep = renderToStaticMarkup(createElement(Markdown, { text: '# A', headingLevel: 5 }));
    expect(deep).toMatch(/<h5[^>]*>A<\/h5>/);
  });

  describe('hostile input renders inert', () => {
    const cases: Array<[string, string]> = [
      ['a script element', 'before <script>alert(1)</script> after'],
      ['a script block', '<script>\nalert(1)\n</script>'],
      ['an image with onerror', '<img src=x onerror="alert(1)">'],
      ['raw HTML with a handler', '<div onclick="alert(1)"><b>hi</b></div>'],
      ['an iframe', '<iframe src="https://evil.example"></iframe>'],
      ['a javascript: link', '[click](javascript:alert(1))'],
      ['a JavaScript: link in mixed case with spaces', '[click]( JaVaScRiPt:alert(1) )'],
      ['an encoded javascript: link', '[click](java&#x73;cript:alert(1))'],
      ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
      ['a javascript: autolink', '<javascript:alert(1)>'],
      ['a javascript: image', '![x](javascript:alert(1))'],
      ['a reference link to javascript:', '[click][x]\n\n[x]: javascript:alert(1)'],
    ];
    it.each(cases)('%s', (_name, text) => {
      const html = render(text);
      expect(html).not.toMatch(/<script|<iframe|<img|<div onclick|\son[a-z]+=/i);
      expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
      expect(html).not.toMatch(/src=/i);
    });

    it('drops raw HTML entirely rather than showing or running it', () => {
      const html = render('before <script>alert(1)</script> after');
      expect(html).not.toContain('alert(1)</script>');
      expect(html).toContain('before');
      expect(html).toContain('after');
    });

    it('keeps the words of a javascript: link but gives it no address', () => {
      const html = render('[click me](javascript:alert(1))');
      expect(html).toContain('click me');
      expect(html).not.toContain('<a');
    });
  });

  it('shows an image as a link to it, never loading it', () => {
    const html = render('![지도](https://example.org/map.png)');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.org\/map.png" rel="noopener noreferrer nofollow"/);
    expect(html).toContain('지도');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://example.org', 'https://example.org'],
    ['mailto:a@example.org', 'mailto:a@example.org'],
    ['/data/x', '/data/x'],
    ['#part', '#part'],
    ['javascript:alert(1)', undefined],
    ['vbscript:x', undefined],
    ['data:text/html,x', undefined],
    ['ftp://example.org', undefined],
  ])('%s → %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});
