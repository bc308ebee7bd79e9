/** Types of scripts/server-build.mjs for the TypeScript that starts the server (the e2e set-up). */
export declare const SERVER_DIST: string
export declare const SERVER_NODE_FLAGS: string[]
export declare function buildServer(): Promise<void>
export declare function serverArgs(): string[]
