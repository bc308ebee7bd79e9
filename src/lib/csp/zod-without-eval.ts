import { z } from 'zod'

// zod compiles object parsers with `new Function` when it may; even probing for that is reported as a CSP
// violation under the console server's policy (no 'unsafe-eval'). Imported first by main.tsx, before any schema
// is built: a schema reads this setting when it is created.
z.config({ jitless: true })
