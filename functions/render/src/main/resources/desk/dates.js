// Dates as the site shows them: Swedish, in Europe/Stockholm, whatever zone the editor's computer is in.

const ZONE = 'Europe/Stockholm';
const dateFormat = new Intl.DateTimeFormat('sv-SE', {timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric'});
const partsFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23',
});

/** "4 december 2019" */
export function swedishDate(iso) {
    return iso ? dateFormat.format(new Date(iso)) : '';
}

/** "4 december 2019 kl. 10.00" */
export function swedishDateTime(iso) {
    if (!iso) {
        return '';
    }
    const p = parts(new Date(iso).getTime());
    return `${swedishDate(iso)} kl. ${p.hour}.${p.minute}`;
}

function parts(ms) {
    const out = {};
    for (const {type, value} of partsFormat.formatToParts(new Date(ms))) {
        out[type] = value;
    }
    return out;
}

/** How far Stockholm's clock is ahead of UTC at an instant, in ms (3 600 000 in winter). */
function offsetAt(ms) {
    const p = parts(ms);
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    return asUtc - Math.floor(ms / 1000) * 1000;
}

/** An instant as a datetime-local field's value in Stockholm: "2019-12-04T10:00". */
export function toStockholmInput(iso) {
    if (!iso) {
        return '';
    }
    const p = parts(new Date(iso).getTime());
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * A datetime-local value read as Stockholm time, as ISO-8601 with that moment's offset:
 * "2019-12-04T10:00" → "2019-12-04T10:00:00+01:00", "2020-06-04T10:00" → "…+02:00".
 */
export function fromStockholmInput(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
    if (!m) {
        return null;
    }
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    // The offset at the wall time read as UTC is right except within hours of a change; a second look settles it.
    const offset = offsetAt(wall - offsetAt(wall));
    const minutes = Math.round(offset / 60000);
    const sign = minutes < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${hh}:${mm}`;
}

/**
 * An article's status in words: "Utkast", "Granskas" (submitted for review), "Schemalagd 4 december 2019 kl. 10.00",
 * "Publicerad 4 december 2019".
 */
export function statusText(article) {
    switch (article?.status) {
        case 'scheduled': return 'Schemalagd ' + swedishDateTime(article.publishAt);
        case 'published': return 'Publicerad ' + swedishDate(article.publishedAt);
        case 'draft': return 'Utkast';
        case 'review': return 'Granskas';
        default: return 'Ny artikel, inte sparad';
    }
}

