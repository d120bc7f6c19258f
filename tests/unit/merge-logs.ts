/** A test helper: two logs merged the way an import or a sync merges them (store/backup.ts adds `unknownReviews`). */
import { unknownReviews } from '../../src/lib/core/log/backup';
import type { Review } from '../../src/lib/core/log/review';

/** The union of two logs by id: on a clash the existing record is kept, so merging again changes nothing. */
export function mergeLogs(existing: readonly Review[], incoming: readonly Review[]): Review[] {
	return [...existing, ...unknownReviews(new Set(existing.map((r) => r.id)), incoming)];
}
