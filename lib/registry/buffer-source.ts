/**
 * WebCrypto takes bytes backed by a plain ArrayBuffer; bytes that come from
 * elsewhere (a shared buffer, a Node Buffer pool) are copied once.
 */
export function toBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
