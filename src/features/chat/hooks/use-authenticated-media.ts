import { useEffect, useState } from 'react'
import type { MatrixClient } from 'matrix-js-sdk'

export type MediaState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error' }

/**
 * A thumbnail of `mxc` from the authenticated media API (`/_matrix/client/v1/media/thumbnail`), fetched
 * with the access token (an `<img>` cannot send it) and shown through an object URL that is revoked when
 * the row unmounts or the source changes.
 */
export function useAuthenticatedMedia(client: MatrixClient, mxc: string, w: number, h: number): MediaState {
  const [state, setState] = useState<{ key: string; media: MediaState }>({
    key: '',
    media: { status: 'loading' },
  })
  const key = `${mxc}|${w}|${h}`
  const http = client.mxcUrlToHttp(mxc, w, h, 'scale', false, true, true)
  useEffect(() => {
    if (!http) return
    const token = client.getAccessToken()
    const abort = new AbortController()
    let url: string | null = null
    fetch(http, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: abort.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`media ${res.status}`)
        const blob = await res.blob()
        if (!blob.type.startsWith('image/')) throw new Error('not an image')
        url = URL.createObjectURL(blob)
        setState({ key, media: { status: 'ready', url } })
      })
      .catch(() => {
        if (!abort.signal.aborted) setState({ key, media: { status: 'error' } })
      })
    return () => {
      abort.abort()
      if (url) URL.revokeObjectURL(url)
    }
  }, [client, http, key])
  if (!http) return { status: 'error' }
  return state.key === key ? state.media : { status: 'loading' }
}
