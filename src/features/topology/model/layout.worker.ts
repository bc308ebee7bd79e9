/// <reference lib="webworker" />
import { computeLayout, type LayoutInput, type TopologyLayout } from './layout.ts'

/** A request to the layout worker; `seq` lets the page drop answers to inputs it has since replaced. */
export interface LayoutRequest {
  seq: number
  input: LayoutInput
}
export interface LayoutResponse {
  seq: number
  layout: TopologyLayout
}

// Sorting and placing 10,000 nodes takes tens of milliseconds: done here, the page keeps answering input.
self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { seq, input } = e.data
  const answer: LayoutResponse = { seq, layout: computeLayout(input) }
  self.postMessage(answer)
}
