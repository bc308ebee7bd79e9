import { createContext, useContext, type ReactNode } from 'react'
import type { RuntimeConfig } from './runtime-config.ts'

const ConfigContext = createContext<RuntimeConfig | null>(null)

export function ConfigProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  return <ConfigContext value={config}>{children}</ConfigContext>
}

/** The runtime configuration; throws outside `ConfigProvider` so a missing provider fails loudly. */
export function useConfig(): RuntimeConfig {
  const c = useContext(ConfigContext)
  if (!c) throw new Error('useConfig must be used inside <ConfigProvider>')
  return c
}
