import { ProtocolError } from '@promise-global/sdk';
import { membershipKeys, type PinnedKeys, verifyMembership } from '@promise-global/sdk/verify';
import { z } from 'zod';
import { fetchNodeJson } from '../harvest/fetch-json.js';
import type { AddressPolicy } from '../http/address-policy.js';
import type { FetchLimits } from '../http/guarded-fetch.js';

const Listing = z.array(
  z.object({ partnerId: z.string(), nodeUrl: z.string(), jws: z.string() }).loose(),
);

/** A node's membership at an upstream hub, verified with the upstream's pinned key (§3.2). */
export interface UpstreamMembership {
  partnerId: string;
  jws: string;
  /** The node keys the upstream pinned, as this hub pins them for the relayed node. */
  keys: PinnedKeys;
  /** The statement's `exp` (NumericDate): this hub vouches for the node no longer than that. */
  expiresAt: number;
}

/**
 * The membership statements of one upstream hub during one sync: `GET {upstream}/memberships` is
 * read when first needed (and once more when a node is missing from it), and each statement is
 * verified against the upstream's pinned key and the node's URL before its keys are used.
 */
export class UpstreamMemberships {
  private listing: Map<string, string> | undefined;
  private reloaded = false;
  private readonly verified = new Map<string, UpstreamMembership>();

  constructor(
    private readonly upstream: { url: string; keys: PinnedKeys },
    private readonly limits: FetchLimits,
    private readonly policy: AddressPolicy,
  ) {}

  private async load(): Promise<Map<string, string>> {
    const body = await fetchNodeJson(`${this.upstream.url}/memberships`, this.limits, this.policy);
    const parsed = Listing.safeParse(body);
    if (!parsed.success)
      throw new ProtocolError('PAGE_INVALID', 'the upstream membership list is malformed');
    this.listing = new Map(parsed.data.map((entry) => [entry.nodeUrl, entry.jws]));
    return this.listing;
  }

  /** The node's verified membership, or undefined when the upstream lists none for it. */
  async get(nodeUrl: string): Promise<UpstreamMembership | undefined> {
    const known = this.verified.get(nodeUrl);
    if (known) return known;
    let jws = (this.listing ?? (await this.load())).get(nodeUrl);
    if (jws === undefined && !this.reloaded) {
      this.reloaded = true;
      jws = (await this.load()).get(nodeUrl);
    }
    if (jws === undefined) return undefined;
    const statement = await verifyMembership(jws, {
      hubKeys: this.upstream.keys,
      hub: this.upstream.url,
      sub: nodeUrl,
    });
    const membership = {
      partnerId: statement.partnerId,
      jws,
      keys: await membershipKeys(statement),
      expiresAt: statement.exp,
    };
    this.verified.set(nodeUrl, membership);
    return membership;
  }
}
