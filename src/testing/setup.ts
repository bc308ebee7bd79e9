import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import { quietMatrixLogs } from './quiet-matrix-logs.ts'

quietMatrixLogs()

// findBy/waitFor wait for what a user would wait for; 1 s is too short on a 2-core machine running the suite in
// parallel, where a first render with its data took 3 s of wall clock while passing alone in a third of that.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => {
  cleanup()
})
