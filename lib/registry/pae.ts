/**
 * DSSE v1 pre-authentication encoding (docs/registry-format.md, "Envelope"):
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, LEN being the byte
 * length in ASCII decimal. Signing the PAE rather than the bare payload binds
 * the signature to the payload type.
 */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  const type = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${type.length} `);
  const middle = encoder.encode(` ${payload.length} `);
  const out = new Uint8Array(head.length + type.length + middle.length + payload.length);
  out.set(head, 0);
  out.set(type, head.length);
  out.set(middle, head.length + type.length);
  out.set(payload, head.length + type.length + middle.length);
  return out;
}
