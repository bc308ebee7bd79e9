import { useEffect } from 'react'
import { create } from 'zustand'

export const APP_TITLE = 'Node Console'

interface TitleCountState {
  /** What each source wants counted in the tab title, e.g. `incidents` and `mentions`. */
  counts: Readonly<Record<string, number>>
}

const useTitleCounts = create<TitleCountState>()(() => ({ counts: {} }))

/** Sets one source's count in the tab title; 0 removes it. */
export function setTitleCount(source: string, n: number) {
  const counts = useTitleCounts.getState().counts
  const next = Math.max(0, Math.floor(Number.isFinite(n) ? n : 0))
  if ((counts[source] ?? 0) === next) return
  const rest = Object.fromEntries(Object.entries(counts).filter(([key]) => key !== source))
  useTitleCounts.setState({ counts: next > 0 ? { ...rest, [source]: next } : rest })
}

export function documentTitle(counts: Readonly<Record<string, number>>, base = APP_TITLE): string {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  return total > 0 ? `(${total}) ${base}` : base
}

/** The one writer of `document.title`: mounted once, in the app's layout. */
export function useDocumentTitle(base = APP_TITLE) {
  const counts = useTitleCounts((s) => s.counts)
  useEffect(() => {
    document.title = documentTitle(counts, base)
  }, [counts, base])
}

export function useTitleCount(source: string): number {
  return useTitleCounts((s) => s.counts[source] ?? 0)
}
