import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import { useI18nStore } from '@/lib/i18n/i18n-store.ts'
import { PresenceControl } from './presence-control.tsx'

const presence = {
  effectiveState: 'online' as const,
  away: false,
  unauthorized: false,
  chooseAway: vi.fn(),
  chooseAuto: vi.fn(),
}

describe('PresenceControl', () => {
  useI18nStore.setState({ lang: 'en' })

  it('shows my state while the server answers', () => {
    render(<PresenceControl presence={presence} />)
    expect(screen.getByTestId('own-presence')).toHaveTextContent('online')
  })

  it('shows my state as unknown, not online, while the homeserver cannot be reached', () => {
    render(<PresenceControl presence={presence} serverUnreachable />)
    const own = screen.getByTestId('own-presence')
    expect(own).toHaveTextContent('unknown')
    expect(own).toHaveAttribute('data-state', 'unknown')
  })

  it('says why appearing away has no effect when the homeserver gives no presence', () => {
    render(<PresenceControl presence={presence} presenceUnavailable />)
    const box = screen.getByRole('checkbox', { name: 'Appear away' })
    expect(box).toBeDisabled()
    expect(box).toHaveAccessibleDescription('This homeserver does not share presence: this has no effect')
    expect(screen.getByText('This homeserver does not share presence: this has no effect')).toBeVisible()
  })
})
