import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'

export interface Transform {
  x: number
  y: number
  scale: number
}

/** The part of the world to draw: the viewport plus a margin, snapped to a grid so panning rarely re-renders. */
export interface ViewWindow {
  x0: number
  y0: number
  x1: number
  y1: number
  scale: number
}

export const MIN_SCALE = 0.1
export const MAX_SCALE = 2
const CULL_CELL = 256
const PAN_STEP = 80
const DRAG_THRESHOLD = 4
/** Fitting the whole map never shrinks cards below this scale (below it, names stop being readable). */
const FIT_FLOOR = 0.5

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s))

/** The window of world coordinates to render for a transform and viewport size (pure; exported for tests). */
export function viewWindowOf(t: Transform, width: number, height: number): ViewWindow {
  const wx0 = -t.x / t.scale
  const wy0 = -t.y / t.scale
  const ww = width / t.scale
  const wh = height / t.scale
  // Half a viewport of margin each side, snapped outwards to the grid: a short pan stays inside it.
  const snap = (v: number, up: boolean) =>
    (up ? Math.ceil(v / CULL_CELL) : Math.floor(v / CULL_CELL)) * CULL_CELL
  return {
    x0: snap(wx0 - ww / 2, false),
    y0: snap(wy0 - wh / 2, false),
    x1: snap(wx0 + ww * 1.5, true),
    y1: snap(wy0 + wh * 1.5, true),
    scale: Math.round(t.scale * 100) / 100,
  }
}

const sameWindow = (a: ViewWindow, b: ViewWindow) =>
  a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1 && a.scale === b.scale

/**
 * Pan (drag, arrow keys) and zoom (wheel at the pointer, +/−, 0 to fit) as a CSS transform on the world
 * element, written straight to the DOM: a pan frame costs no React render and never re-runs the layout.
 * React hears only of the snapped view window (for culling) once per animation frame at most, and only when
 * it changes. A drag that moved swallows the click that ends it, so panning over a card does not open it.
 */
export function usePanZoom(content: { width: number; height: number } | null) {
  const containerRef = useRef<HTMLDivElement | null>(null)
  const worldRef = useRef<HTMLDivElement | null>(null)
  const tRef = useRef<Transform>({ x: 0, y: 0, scale: 1 })
  const sizeRef = useRef({ width: 0, height: 0 })
  const [view, setView] = useState<ViewWindow | null>(null)
  const frameRef = useRef<number | null>(null)
  const fittedRef = useRef(false)
  const dragRef = useRef<{ x: number; y: number; tx: number; ty: number; moved: boolean } | null>(null)
  const suppressClickRef = useRef(false)

  const publish = useCallback(() => {
    if (frameRef.current !== null) return
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = null
      const next = viewWindowOf(tRef.current, sizeRef.current.width, sizeRef.current.height)
      setView((prev) => (prev && sameWindow(prev, next) ? prev : next))
    })
  }, [])

  const apply = useCallback(
    (t: Transform) => {
      tRef.current = t
      const world = worldRef.current
      if (world) world.style.transform = `translate3d(${t.x}px, ${t.y}px, 0) scale(${t.scale})`
      publish()
    },
    [publish],
  )

  const fit = useCallback(() => {
    if (!content) return
    const { width, height } = sizeRef.current
    if (width === 0) return
    // The whole map when it fits at a readable size; otherwise its full width, from the top (the registry).
    const fitAll = Math.min(
      (width - 32) / Math.max(1, content.width),
      (height - 32) / Math.max(1, content.height),
    )
    const scale = clampScale(
      Math.min(1, Math.max(FIT_FLOOR, fitAll), (width - 32) / Math.max(1, content.width)),
    )
    apply({ x: (width - content.width * scale) / 2, y: 16, scale })
  }, [apply, content])

  const zoomBy = useCallback(
    (factor: number, cx?: number, cy?: number) => {
      const t = tRef.current
      const scale = clampScale(t.scale * factor)
      const px = cx ?? sizeRef.current.width / 2
      const py = cy ?? sizeRef.current.height / 2
      // Keep the world point under the pointer (or the centre) where it is.
      apply({ scale, x: px - ((px - t.x) * scale) / t.scale, y: py - ((py - t.y) * scale) / t.scale })
    },
    [apply],
  )

  const panBy = useCallback(
    (dx: number, dy: number) => {
      const t = tRef.current
      apply({ ...t, x: t.x + dx, y: t.y + dy })
    },
    [apply],
  )

  // Viewport size, and the first fit once both the size and the content are known.
  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    const ro = new ResizeObserver(() => {
      sizeRef.current = { width: el.clientWidth, height: el.clientHeight }
      if (!fittedRef.current && content) {
        fittedRef.current = true
        fit()
      } else publish()
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [content, fit, publish])

  useEffect(() => {
    if (content && !fittedRef.current && sizeRef.current.width > 0) {
      fittedRef.current = true
      fit()
    }
  }, [content, fit])

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top)
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [zoomBy])

  useEffect(
    () => () => {
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current)
    },
    [],
  )

  const onPointerDown = useCallback((e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    const t = tRef.current
    dragRef.current = { x: e.clientX, y: e.clientY, tx: t.x, ty: t.y, moved: false }
    suppressClickRef.current = false
  }, [])

  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const d = dragRef.current
      if (!d) return
      const dx = e.clientX - d.x
      const dy = e.clientY - d.y
      if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return
      d.moved = true
      apply({ ...tRef.current, x: d.tx + dx, y: d.ty + dy })
    },
    [apply],
  )

  const onPointerUp = useCallback(() => {
    if (dragRef.current?.moved) suppressClickRef.current = true
    dragRef.current = null
  }, [])

  const onClickCapture = useCallback((e: { preventDefault(): void; stopPropagation(): void }) => {
    if (!suppressClickRef.current) return
    suppressClickRef.current = false
    e.preventDefault()
    e.stopPropagation()
  }, [])

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return
      const step = e.shiftKey ? PAN_STEP * 4 : PAN_STEP
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [step, 0],
        ArrowRight: [-step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      }
      const move = moves[e.key]
      if (move) panBy(move[0], move[1])
      else if (e.key === '+' || e.key === '=') zoomBy(1.25)
      else if (e.key === '-' || e.key === '_') zoomBy(0.8)
      else if (e.key === '0') fit()
      else return
      e.preventDefault()
    },
    [fit, panBy, zoomBy],
  )

  /** Brings a focused element (a card reached with Tab) into the viewport. */
  const onFocusCapture = useCallback(
    (e: { target: EventTarget }) => {
      const el = containerRef.current
      if (!el || !(e.target instanceof HTMLElement) || e.target === el) return
      const r = e.target.getBoundingClientRect()
      const c = el.getBoundingClientRect()
      const pad = 24
      let dx = 0
      let dy = 0
      if (r.left < c.left) dx = c.left - r.left + pad
      else if (r.right > c.right) dx = c.right - r.right - pad
      if (r.top < c.top) dy = c.top - r.top + pad
      else if (r.bottom > c.bottom) dy = c.bottom - r.bottom - pad
      if (dx !== 0 || dy !== 0) panBy(dx, dy)
    },
    [panBy],
  )

  const zoomIn = useCallback(() => zoomBy(1.25), [zoomBy])
  const zoomOut = useCallback(() => zoomBy(0.8), [zoomBy])

  return {
    containerRef,
    worldRef,
    view,
    zoomIn,
    zoomOut,
    fit,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: onPointerUp,
      onPointerLeave: onPointerUp,
      onClickCapture,
      onKeyDown,
      onFocusCapture,
    },
  }
}
