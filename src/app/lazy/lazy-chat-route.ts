import { preloadableLazy } from './preloadable-lazy.tsx'

/** The chat page, loaded on demand; the idle prefetch preloads it (layout/app-layout.tsx). */
export const LazyChatRoute = preloadableLazy(() =>
  import('../routes/chat-route.tsx').then((m) => m.ChatRoute),
)
