import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RegistryText, VisibleId } from './registry-text.tsx'

describe('VisibleId', () => {
  it('shows a right-to-left override as ⟨U+202E⟩, isolated from the text around it', () => {
    render(
      <p data-testid="line">
        Host <VisibleId value={'evil-\u202Eexe.txt'} /> is silent
      </p>,
    )
    const line = screen.getByTestId('line')
    expect(line).toHaveTextContent('Host evil-⟨U+202E⟩exe.txt is silent')
    // The override itself is not in the page any more: nothing reorders the id.
    expect(line.textContent).not.toContain('\u202E')
    expect(line.querySelector('bdi')).not.toBeNull()
  })

  it('renders a plain id unchanged', () => {
    render(<VisibleId value="node-1-hetzner-gex44" />)
    expect(screen.getByText('node-1-hetzner-gex44').tagName).toBe('BDI')
  })
})

describe('RegistryText', () => {
  it('isolates a registry string', () => {
    render(<RegistryText value="שרת ראשי" />)
    expect(screen.getByText('שרת ראשי').tagName).toBe('BDI')
  })
})
