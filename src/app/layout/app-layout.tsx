import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { NavLink, Outlet, useLocation } from 'react-router'
import { useConfig } from '@/lib/config/config-context.tsx'
import { isDemoRegistry } from '@/lib/config/runtime-config.ts'
import { cn } from '@/lib/cn.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { useDocumentTitle, useTitleCount } from '@/lib/notify/title-count.ts'
import { prefetchChatWhenIdle } from '../chat/prefetch-chat.ts'
import { LazyChatRoute } from '../lazy/lazy-chat-route.ts'
import { preloadableLazy } from '../lazy/preloadable-lazy.tsx'
import { appMessages } from './app-messages.ts'
import { useLayoutStore } from './layout-store.ts'
import { LanguageSwitch, ThemeSwitch } from './preferences.tsx'
import { RouteFallback } from './route-fallback.tsx'

// The chat side panel pulls in matrix-js-sdk: it is fetched when the browser is idle after the first paint
// (prefetch-chat.ts), never as part of the first load.
const loadChatPanel = () => import('../chat-panel.tsx')
const ChatPanel = preloadableLazy(() => loadChatPanel().then((m) => m.ChatPanel))
// Mentions in every view: mounted once the idle prefetch has the chat's code (it starts a client only when signed in).
const MentionWatcher = lazy(() => loadChatPanel().then((m) => ({ default: m.MentionWatcher })))
// Counts, notifications and (without a bot) the derivation of incidents: after the first paint, on demand.
const IncidentWatcher = lazy(() =>
  import('../incidents/incident-watcher.tsx').then((m) => ({ default: m.IncidentWatcher })),
)

const navClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-md px-3 py-1.5 text-sm font-medium',
    isActive ? 'bg-sunken text-fg' : 'text-muted hover:text-fg',
  )

export function AppLayout() {
  const t = useT(appMessages)
  const config = useConfig()
  const { search, pathname } = useLocation()
  const chatOpen = useLayoutStore((s) => s.chatPanelOpen)
  const chatToggled = useLayoutStore((s) => s.chatPanelToggled)
  // Overview and topology share filters: keep the query string when moving between them.
  const shared = pathname === '/' || pathname === '/topology' ? search : ''
  const showPanel = chatOpen && pathname !== '/chat'
  const [chatCodeLoaded, setChatCodeLoaded] = useState(false)
  // The panel's and the page's code, then the client on its saved sync (chat/warm-chat.ts). Every step is
  // done once however often it is asked for.
  const warmChatNow = useCallback(
    () =>
      Promise.all([loadChatPanel(), ChatPanel.preload(), LazyChatRoute.preload()]).then(([m]) => {
        m.warmChat(config)
        setChatCodeLoaded(true)
      }),
    [config],
  )
  // When the browser is idle after the first paint; sooner when someone reaches for the chat (pointer over
  // it, keyboard focus, a press), so the code and the saved sync load while the click is still coming and
  // not after the navigation has rendered.
  useEffect(() => prefetchChatWhenIdle(warmChatNow), [warmChatNow])
  const chatIntent = useMemo(() => {
    const warm = () => void warmChatNow().catch(() => undefined)
    return { onPointerEnter: warm, onFocus: warm, onPointerDown: warm, onClick: warm }
  }, [warmChatNow])
  useDocumentTitle()
  const openIncidents = useTitleCount('incidents')

  return (
    <div className="flex h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-raised focus:px-3 focus:py-2"
      >
        {t('skip')}
      </a>
      <header className="flex flex-wrap items-center gap-3 border-b border-border bg-raised px-4 py-2">
        <span className="flex items-center gap-2 font-semibold">
          <img src="/favicon.svg" alt="" className="h-6 w-6" />
          {t('brand')}
        </span>
        {isDemoRegistry(config) && (
          <span
            data-badge=""
            title={t('demoHint')}
            className="rounded-full border border-warn px-2 py-0.5 text-xs font-medium text-warn"
          >
            {t('demo')}
          </span>
        )}
        <nav aria-label={t('mainNav')} className="flex items-center gap-1">
          <NavLink to={{ pathname: '/', search: shared }} end className={navClass}>
            {t('navOverview')}
          </NavLink>
          <NavLink to={{ pathname: '/topology', search: shared }} className={navClass}>
            {t('navTopology')}
          </NavLink>
          <NavLink to="/timeline" className={navClass}>
            {t('navTimeline')}
          </NavLink>
          <NavLink to="/incidents" className={navClass}>
            {openIncidents > 0 ? (
              <>
                {/* Named by the sentence for screen readers; the word and the badge are what the eye reads. */}
                <span className="sr-only">{t('navIncidentsOpen', { count: openIncidents })}</span>
                <span aria-hidden="true">{t('navIncidents')}</span>
                <span
                  aria-hidden="true"
                  className="ml-1.5 rounded-full bg-bad px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums"
                >
                  {openIncidents}
                </span>
              </>
            ) : (
              t('navIncidents')
            )}
          </NavLink>
          <NavLink to="/chat" className={navClass} {...chatIntent}>
            {t('navChat')}
          </NavLink>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitch />
          <ThemeSwitch />
          {pathname !== '/chat' && (
            <button
              type="button"
              aria-pressed={chatOpen}
              // Only while the panel exists: a reference to a missing id is an axe violation (aria-valid-attr-value).
              aria-controls={showPanel ? 'chat-panel' : undefined}
              {...chatIntent}
              onClick={() => {
                chatIntent.onClick()
                chatToggled()
              }}
              className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-sunken"
            >
              {chatOpen ? t('closeChat') : t('openChat')}
            </button>
          )}
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <main id="main" className="min-w-0 flex-1 overflow-auto">
          {/* The views' one boundary (routes.tsx): shown on a first load of a lazy view, never on navigating. */}
          <Suspense fallback={<RouteFallback />}>
            <Outlet />
          </Suspense>
          <Suspense fallback={null}>
            <IncidentWatcher />
            {chatCodeLoaded && <MentionWatcher />}
          </Suspense>
        </main>
        {showPanel && (
          <aside
            id="chat-panel"
            aria-label={t('chatPanel')}
            className="flex w-full max-w-md shrink-0 flex-col border-l border-border bg-raised max-md:absolute max-md:inset-y-0 max-md:right-0 max-md:z-40"
          >
            <Suspense fallback={<RouteFallback />}>
              <ChatPanel />
            </Suspense>
          </aside>
        )}
      </div>
    </div>
  )
}
