/**
 * The shape of every request, checked where the background receives it: known keys only, every
 * string capped. A request that does not match is refused before any handler sees it, so the
 * handlers work on typed data. A new request type does not compile until it has its schema here.
 */
import * as v from 'valibot';
import { MAX_LINK_BATCH, type Message, type RequestType, type Requests } from './protocol';

/**
 * Browsers keep addresses of up to a few megabytes; web apps such as Telegram Web carry long
 * fragments. Past this a page's address is not judged (its verdict stays as it was).
 */
const MAX_URL = 65_536;
/** A DNS name is at most 253 characters. */
const MAX_HOST = 253;
const MAX_QUERY = 2_048;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nothing = v.strictObject({});
const withUrl = v.strictObject({ url: text(MAX_URL) });
const withHost = v.strictObject({ host: text(MAX_HOST) });

type Schemas = { [K in RequestType]: v.GenericSchema<unknown, Requests[K]['req']> };

const REQUEST_SCHEMAS: Schemas = {
  'page/context': withUrl,
  lookup: v.strictObject({ query: text(MAX_QUERY) }),
  'tab/current': nothing as v.GenericSchema<unknown, Record<string, never>>,
  'registry/status': nothing as v.GenericSchema<unknown, Record<string, never>>,
  'registry/sync-now': nothing as v.GenericSchema<unknown, Record<string, never>>,
  'dismiss/add': withHost,
  'dismiss/remove': withHost,
  'dismiss/list': nothing as v.GenericSchema<unknown, Record<string, never>>,
  'settings/get': nothing as v.GenericSchema<unknown, Record<string, never>>,
  'settings/set': v.strictObject({
    registryUrl: v.optional(text(MAX_URL)),
    detectUnregistered: v.optional(v.boolean()),
    language: v.optional(v.picklist(['auto', 'kk', 'ru', 'en'])),
  }),
  'page/redirect-blocked': withUrl,
  'page/open-details': withUrl,
  'page/load-part': v.strictObject({ part: v.picklist(['banner']) }),
  'tab/leave-site': nothing as v.GenericSchema<unknown, Record<string, never>>,
  'links/verdicts': v.strictObject({ links: v.pipe(v.array(text(MAX_URL)), v.maxLength(MAX_LINK_BATCH)) }),
  'page/tampered': v.strictObject({ cause: v.optional(v.picklist(['unpaintable'])) }),
  'dismiss/session': withHost,
};

const ENVELOPE = v.strictObject({ type: text(64), data: v.unknown() });

/** The request as a typed message, or null when it is not one of ours or not well formed. */
export function parseRequest(value: unknown): Message | null {
  const envelope = v.safeParse(ENVELOPE, value);
  if (!envelope.success || !Object.hasOwn(REQUEST_SCHEMAS, envelope.output.type)) return null;
  const type = envelope.output.type as RequestType;
  const data = v.safeParse(REQUEST_SCHEMAS[type], envelope.output.data);
  return data.success ? ({ type, data: data.output } as Message) : null;
}
