/** A Matrix error answer (`errcode`, `error`), thrown by the simulated homeserver and sent by its handlers. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly errcode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}
