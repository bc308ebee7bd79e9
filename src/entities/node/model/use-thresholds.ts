import { useMemo } from 'react'
import { useConfig } from '@/lib/config/config-context.tsx'
import { thresholdsFromConfig, type LivenessThresholds } from './liveness.ts'

/** The liveness thresholds of the runtime configuration (one object while the configuration stays). */
export function useThresholds(): LivenessThresholds {
  const config = useConfig()
  return useMemo(() => thresholdsFromConfig(config), [config])
}
