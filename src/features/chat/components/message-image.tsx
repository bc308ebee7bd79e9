import type { MatrixClient } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { useAuthenticatedMedia } from '../hooks/use-authenticated-media.ts'
import type { ImageContent } from '../model/image-content.ts'
import { readingMessages } from '../reading-messages.ts'

/** An `m.image` as a thumbnail in a box of its own size, reserved before it loads so the timeline stays put. */
export function MessageImage({ client, image }: { client: MatrixClient; image: ImageContent }) {
  const t = useT(readingMessages)
  // Twice the box for sharp pictures on dense screens; the server picks its nearest thumbnail size.
  const media = useAuthenticatedMedia(client, image.mxc, image.box.w * 2, image.box.h * 2)
  return (
    <div
      data-testid="message-image"
      className="mt-1 max-w-full overflow-hidden rounded-md bg-sunken"
      style={{ width: image.box.w, aspectRatio: `${image.box.w} / ${image.box.h}` }}
    >
      {media.status === 'ready' ? (
        <img
          src={media.url}
          alt={t('image', { name: image.name })}
          width={image.box.w}
          height={image.box.h}
          className="h-full w-full object-contain"
        />
      ) : media.status === 'error' ? (
        <p className="p-2 text-xs text-muted">{t('imageFailed', { name: image.name })}</p>
      ) : (
        <span
          role="img"
          aria-busy="true"
          aria-label={t('image', { name: image.name })}
          className="block h-full"
        />
      )}
    </div>
  )
}
