import { Skeleton } from '@/ui/skeleton.tsx'

export function RouteFallback() {
  return (
    <div className="space-y-3 p-4" aria-busy="true">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  )
}
