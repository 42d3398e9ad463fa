// Handler units (streets, districts, departments, the supervision office) and who they notify.
import { z } from 'zod';
import { Id, LocalizedName, refuseHiddenCharacters, UnitType } from './common.js';

/** A GeoJSON position: longitude first, then latitude. */
const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A closed ring: at least four positions, the last the same as the first. */
const Ring = z
  .array(Position)
  .min(4, 'a ring has at least four positions')
  .refine((ring) => ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1], 'a ring ends where it starts');

/** A street's area as a GeoJSON Polygon (its outer ring, then any holes): a request given by lat/long is routed by it. */
export const Boundary = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
export type Boundary = z.infer<typeof Boundary>;

export const Unit = z
  .object({
    id: Id,
    type: UnitType,
    name: LocalizedName,
    /** The district a street belongs to; a district's own id; absent for city-wide units. */
    districtId: Id.optional(),
    boundary: Boundary.optional(),
  })
  .superRefine((unit, ctx) => {
    if (unit.type === 'street' && !unit.districtId) {
      ctx.addIssue({ code: 'custom', path: ['districtId'], message: 'a street must belong to a district' });
    }
    if (unit.type === 'district' && unit.districtId !== undefined && unit.districtId !== unit.id) {
      ctx.addIssue({ code: 'custom', path: ['districtId'], message: 'a district is its own district' });
    }
  });
export type Unit = z.infer<typeof Unit>;

export const WebhookSubscription = z.object({
  // A URL shows on the unit's settings page: no override character may make it read as another.
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048).superRefine(refuseHiddenCharacters),
  /** Shared secret for the HMAC-SHA256 signature; long enough not to be guessed. */
  secret: z.string().min(16, 'must be at least 16 characters').max(256),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

/** Where a unit wants its tickets and escalations delivered. */
export const Subscriptions = z.object({
  emails: z.array(z.email({ error: 'must be an email address' }).max(254)).max(20).default([]),
  webhooks: z.array(WebhookSubscription).max(5).default([]),
});
export type Subscriptions = z.infer<typeof Subscriptions>;

/** Subscriptions as answered: a webhook's secret is write-only, so only whether one is set is shown. */
export const SubscriptionsView = Subscriptions.extend({
  webhooks: z.array(z.object({ url: z.string(), secretSet: z.boolean() })),
});
export type SubscriptionsView = z.infer<typeof SubscriptionsView>;

/** What a unit's subscriptions look like to someone reading them back: no secret. */
export function viewOfSubscriptions(subscriptions: Subscriptions): SubscriptionsView {
  return { ...subscriptions, webhooks: subscriptions.webhooks.map((w) => ({ url: w.url, secretSet: w.secret.length > 0 })) };
}

/**
 * `PUT …/subscriptions`: the whole set, replacing the old one. A body that leaves nothing (no email, no webhook) must
 * say so with `clearAll: true`: an empty or mistyped body would otherwise cut a unit off from its tickets unnoticed.
 */
export const SubscriptionsUpdate = Subscriptions.extend({ clearAll: z.literal(true).optional() })
  .strict()
  .superRefine((update, ctx) => {
    if (update.emails.length === 0 && update.webhooks.length === 0 && update.clearAll !== true) {
      ctx.addIssue({ code: 'custom', path: ['emails'], message: 'would leave no email and no webhook; send "clearAll": true to remove every subscription' });
    }
  })
  .transform(({ clearAll: _clearAll, ...subscriptions }): Subscriptions => subscriptions);
