/**
 * The design document `npm run sync:setup` installs: CouchDB runs `validate_doc_update` on every
 * write, replication included, so no device (or person with the password) can change or delete a
 * batch once written. Settings and CouchDB's own `_local` checkpoints stay writable.
 */
export const DESIGN_ID = '_design/tcp-quest';

/** Kept in CouchDB's JavaScript (ES5): it runs in the server's query server, not here. */
export const VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  if (newDoc._id.indexOf('b:') !== 0) return;
  if (oldDoc) throw({ forbidden: 'batches are write-once: ' + newDoc._id });
  if (newDoc._deleted) throw({ forbidden: 'batches are never deleted' });
  if (!/^b:[0-9a-z-]{8,64}:[0-9]{8,15}$/.test(newDoc._id)) throw({ forbidden: 'not a batch id' });
  if (!newDoc.reviews || !newDoc.reviews.length) throw({ forbidden: 'a batch holds reviews' });
}`;

export const designDoc = () => ({ _id: DESIGN_ID, language: 'javascript', validate_doc_update: VALIDATE });
