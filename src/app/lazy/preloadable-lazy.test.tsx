import { Suspense } from 'react'
import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import { preloadableLazy } from './preloadable-lazy.tsx'

const Greeting = ({ name }: { name: string }) => <p>hello {name}</p>

describe('preloadableLazy', () => {
  it('renders at once, without the fallback, once preloaded', async () => {
    const Lazy = preloadableLazy(() => Promise.resolve(Greeting))
    await Lazy.preload()
    render(
      <Suspense fallback={<p>loading</p>}>
        <Lazy name="alice" />
      </Suspense>,
    )
    // Synchronously: the first commit already holds the component.
    expect(screen.getByText('hello alice')).toBeInTheDocument()
    expect(screen.queryByText('loading')).not.toBeInTheDocument()
  })

  it('suspends like React.lazy when not preloaded, then shows the component', async () => {
    const Lazy = preloadableLazy(() => Promise.resolve(Greeting))
    render(
      <Suspense fallback={<p>loading</p>}>
        <Lazy name="bob" />
      </Suspense>,
    )
    expect(screen.getByText('loading')).toBeInTheDocument()
    expect(await screen.findByText('hello bob')).toBeInTheDocument()
  })
})
