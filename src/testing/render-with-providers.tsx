import { QueryClient } from '@tanstack/react-query'
import { render, renderHook, type RenderHookOptions } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement, ReactNode } from 'react'
import { MemoryRouter } from 'react-router'
import { AppProviders } from '@/app/providers.tsx'
import {
  createObservedHistoryStore,
  type ObservedHistoryStore,
} from '@/entities/node/model/observed-history-store.ts'
import { parseRuntimeConfig } from '@/lib/config/runtime-config.ts'

export interface ProviderOptions {
  /** Runtime config as `config.json` would give it (validated the same way). */
  config?: unknown
  /** The address the memory router starts at. */
  path?: string
  queryClient?: QueryClient
  observedHistory?: ObservedHistoryStore
}

/** A fresh client per test: no retries (a failure shows at once) and no refetch on focus. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } })
}

function providers({
  config = {},
  path = '/',
  queryClient = createTestQueryClient(),
  observedHistory = createObservedHistoryStore(),
}: ProviderOptions) {
  const runtimeConfig = parseRuntimeConfig(config)
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders config={runtimeConfig} queryClient={queryClient} observedHistory={observedHistory}>
      <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
    </AppProviders>
  )
  return { wrapper, client: queryClient, observedHistory }
}

/** Renders `ui` inside the app's providers and a memory router, as component tests need them. */
export function renderWithProviders(ui: ReactElement, options: ProviderOptions = {}) {
  const { wrapper, client, observedHistory } = providers(options)
  return { ...render(ui, { wrapper }), client, observedHistory, user: userEvent.setup() }
}

/** `renderHook` inside the same providers as `renderWithProviders`. */
export function renderHookWithProviders<Result, Props>(
  hook: (props: Props) => Result,
  options: ProviderOptions & Pick<RenderHookOptions<Props>, 'initialProps'> = {},
) {
  const { wrapper, client, observedHistory } = providers(options)
  return { ...renderHook(hook, { wrapper, initialProps: options.initialProps }), client, observedHistory }
}
