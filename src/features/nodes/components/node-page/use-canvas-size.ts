import { useEffect, useState, type RefObject } from 'react'

export interface CanvasSize {
  width: number
  height: number
  dpr: number
}

/**
 * The CSS size of `ref`'s element and the device pixel ratio, updated by a ResizeObserver (not on every
 * render), so a canvas redraws only when its box or the screen's density really changes.
 */
export function useCanvasSize(ref: RefObject<HTMLElement | null>, height: number): CanvasSize | null {
  const [size, setSize] = useState<CanvasSize | null>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const update = () => {
      const width = Math.floor(el.getBoundingClientRect().width)
      const dpr = window.devicePixelRatio || 1
      setSize((s) =>
        s && s.width === width && s.height === height && s.dpr === dpr ? s : { width, height, dpr },
      )
    }
    update()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(update)
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref, height])
  return size
}

/** Sizes a canvas's backing store for `size` (device pixels) and its box (CSS pixels). */
export function fitCanvas(canvas: HTMLCanvasElement, size: CanvasSize) {
  const w = Math.max(1, Math.round(size.width * size.dpr))
  const h = Math.max(1, Math.round(size.height * size.dpr))
  if (canvas.width !== w) canvas.width = w
  if (canvas.height !== h) canvas.height = h
  canvas.style.width = `${size.width}px`
  canvas.style.height = `${size.height}px`
}
