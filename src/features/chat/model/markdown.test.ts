import { describe, expect, it } from 'vitest'
import { markdownToFormattedBody, withFormatting } from './markdown.ts'
import { sanitizeMatrixHtml } from './sanitize-html.ts'

describe('markdownToFormattedBody', () => {
  it('keeps plain messages plain', () => {
    expect(markdownToFormattedBody('hello team')).toBeNull()
    expect(markdownToFormattedBody('two\nlines & <angles> "quoted" it\'s')).toBeNull()
  })
  it('renders Markdown, then the sanitizer: no unsafe link survives, safe ones open safely', () => {
    const html = markdownToFormattedBody('**bold** [x](javascript:alert(1)) https://example.org')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).not.toMatch(/javascript/i)
    expect(html).toContain(' x ')
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">')
  })
  it('sends HTML typed in the composer as text', () => {
    const html = markdownToFormattedBody('*hi* <img src=x onerror=alert(1)>')
    expect(html).toBe('<p><em>hi</em> &lt;img src=x onerror=alert(1)&gt;</p>')
  })
})

describe('withFormatting', () => {
  it('adds the HTML and whom the message mentions', () => {
    expect(withFormatting({ msgtype: 'm.text', body: '_hi_ @bob:example.org' })).toEqual({
      msgtype: 'm.text',
      body: '_hi_ @bob:example.org',
      format: 'org.matrix.custom.html',
      formatted_body: '<p><em>hi</em> @bob:example.org</p>',
      'm.mentions': { user_ids: ['@bob:example.org'] },
    })
    expect(withFormatting({ msgtype: 'm.text', body: 'plain' })).toEqual({
      msgtype: 'm.text',
      body: 'plain',
      'm.mentions': {},
    })
  })
  it('formats an edit in its new content and its fallback', () => {
    const out = withFormatting({
      msgtype: 'm.text',
      body: '* **b**',
      'm.new_content': { msgtype: 'm.text', body: '**b**' },
    })
    expect(out.formatted_body).toBe('* <p><strong>b</strong></p>')
    expect(out['m.new_content']).toMatchObject({ formatted_body: '<p><strong>b</strong></p>' })
  })
})

describe('link policy of the sanitizer', () => {
  it('allows http(s), mailto and matrix.to; shows any other link as its text', () => {
    const out = sanitizeMatrixHtml(
      '<a href="mailto:a@b.c">m</a><a href="https://matrix.to/#/@a:b">p</a><a href="ftp://x">f</a><a href="data:text/html,x">d</a>',
    )
    expect(out).toContain('href="mailto:a@b.c"')
    expect(out).toContain('href="https://matrix.to/#/@a:b"')
    expect(out).toMatch(/<\/a>fd$/)
  })
  it('removes a disclosure whose content was removed, keeps one with content', () => {
    expect(sanitizeMatrixHtml('<details><summary>Details</summary><img src=x></details>after')).toBe('after')
    expect(sanitizeMatrixHtml('<details><summary>S</summary><p>kept</p></details>')).toBe(
      '<details><summary>S</summary><p>kept</p></details>',
    )
  })
})
