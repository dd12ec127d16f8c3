import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { StrataError } from '../../../shared/errors';
import type { Clock } from '../app/ports';
import type { ChainEndpoint, PreparedTransfer } from '../chains/chainAdapter';

/** How long a review stays signable: fees and nonces move, so an old review must be prepared again. */
export const REVIEW_TTL_MS = 2 * 60_000;

export interface StoredReview {
  accountId: string;
  target: ChainEndpoint;
  prepared: PreparedTransfer;
  expiresAt: number;
}

/**
 * Prepared sends waiting for the user's confirmation, by review id. Confirming signs exactly what was reviewed
 * (the renderer only names the id), and a review can be confirmed once.
 */
export class SendReviews {
  private readonly reviews = new Map<string, StoredReview>();

  constructor(private readonly clock: Clock) {}

  add(review: Omit<StoredReview, 'expiresAt'>): { reviewId: string; expiresAt: number } {
    this.prune();
    const reviewId = bytesToHex(randomBytes(16));
    const expiresAt = this.clock.now() + REVIEW_TTL_MS;
    this.reviews.set(reviewId, { ...review, expiresAt });
    return { reviewId, expiresAt };
  }

  /** Removes and returns a review. @throws REVIEW_EXPIRED when unknown, spent or expired */
  take(reviewId: string): StoredReview {
    this.prune();
    const review = this.reviews.get(reviewId);
    this.reviews.delete(reviewId);
    if (!review) throw new StrataError('REVIEW_EXPIRED', 'This review has expired or was already sent: review the transfer again');
    return review;
  }

  /** A review, left in place (for the secure window's confirmation). @throws REVIEW_EXPIRED like take */
  peek(reviewId: string): StoredReview {
    this.prune();
    const review = this.reviews.get(reviewId);
    if (!review) throw new StrataError('REVIEW_EXPIRED', 'This review has expired or was already sent: review the transfer again');
    return review;
  }

  clear(): void {
    this.reviews.clear();
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [id, review] of this.reviews) if (review.expiresAt <= now) this.reviews.delete(id);
  }
}
