import { useEffect, useState } from 'react'

export interface CanvasSize {
  width: number
  height: number
  dpr: number
}

/**
 * The CSS size of an element and the device pixel ratio, updated by a ResizeObserver (not on every render),
 * so a canvas redraws only when its box or the screen's density really changes. Returns a callback ref to
 * put on the element (it may mount after the hook, e.g. once data arrives) and the size, null until known.
 */
export function useCanvasSize(height: number): [(el: HTMLElement | null) => void, CanvasSize | null] {
  const [el, setEl] = useState<HTMLElement | null>(null)
  const [size, setSize] = useState<CanvasSize | null>(null)
  useEffect(() => {
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
  }, [el, height])
  return [setEl, size]
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
