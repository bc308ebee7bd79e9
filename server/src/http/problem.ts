/** An answer other than success, as the registry shapes its own: `{"detail": "<reason>"}` with a status. */
export class Problem extends Error {
  override name = 'Problem'
  readonly status: number
  readonly detail: string

  constructor(status: number, detail: string) {
    super(detail)
    this.status = status
    this.detail = detail
  }
}

export const badRequest = (detail: string) => new Problem(400, detail)
export const notFound = (detail: string) => new Problem(404, detail)
