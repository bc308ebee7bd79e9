import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { quietMatrixLogs } from './quiet-matrix-logs.ts'

quietMatrixLogs()

afterEach(() => {
  cleanup()
})
