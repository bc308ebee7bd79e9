import { cn } from '@/lib/cn.ts'
import { initials } from '../model/member-presence.ts'

const HUES = ['bg-sky-600', 'bg-emerald-600', 'bg-violet-600', 'bg-amber-700', 'bg-rose-600', 'bg-teal-700']

function hue(id: string) {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return HUES[h % HUES.length]
}

/**
 * Initials on a colour derived from the user id. Pictures are not loaded: Matrix avatars are `mxc://` media,
 * which recent servers serve only with the access token (an `<img>` cannot send it).
 */
export function Avatar({ userId, name, size = 'md' }: { userId: string; name: string; size?: 'sm' | 'md' }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold text-white',
        size === 'md' ? 'h-8 w-8 text-xs' : 'h-6 w-6 text-[10px]',
        hue(userId),
      )}
    >
      {initials(name)}
    </span>
  )
}
