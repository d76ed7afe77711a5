/** Limits of the acceptance rules (docs/registry-format.md, "Acceptance"). */

/** Largest envelope the client reads: 64 MiB. */
export const MAX_ENVELOPE_BYTES = 64 * 1024 * 1024;

/** Most entries a payload may hold, counting those with an unknown status. */
export const MAX_ENTRIES = 1_000_000;

/** How far `issuedAt` may run ahead of the client's clock (clocks drift). */
export const MAX_ISSUED_AHEAD_MS = 60 * 60 * 1000;
