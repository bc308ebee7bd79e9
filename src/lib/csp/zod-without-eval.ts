import { z } from 'zod'

// zod compiles object parsers with `new Function` when it may; even probing for that is reported as a CSP
// violation under the console server's policy (no 'unsafe-eval'). Imported first by every module that builds
// schemas (and main.tsx): a schema reads this setting when it is created, and chunks may run before main's body.
z.config({ jitless: true })
