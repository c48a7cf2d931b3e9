// Unsaved changes, kept in the browser (localStorage) until a save succeeds: a reload, a crash or a closed tab
// brings them back. Keyed by the article's id, or "ny" for one not yet created.

const PREFIX = 'desk.utkast.';

/** The stored unsaved version: {fields, baseVersion, idempotencyKey, savedAt}, or null. */
export function load(key) {
    try {
        return JSON.parse(localStorage.getItem(PREFIX + key) || 'null');
    } catch {
        return null;
    }
}

/** Stores the unsaved version; returns false when the browser refuses (full, or private mode). */
export function save(key, draft) {
    try {
        localStorage.setItem(PREFIX + key, JSON.stringify({...draft, savedAt: new Date().toISOString()}));
        return true;
    } catch {
        return false;
    }
}

export function discard(key) {
    localStorage.removeItem(PREFIX + key);
}
