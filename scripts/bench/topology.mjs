// Topology figures: placeholder until the view lands.
export async function topologyFigures() {
  return [
    {
      name: 'topology_first_render_ms_10k',
      value: null,
      unit: 'ms',
      budget: 1500,
      note: 'MISSING: not measured yet',
    },
    {
      name: 'topology_pan_frame_p95_ms_1k',
      value: null,
      unit: 'ms',
      budget: 33,
      note: 'MISSING: not measured yet',
    },
  ]
}
