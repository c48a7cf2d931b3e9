// The editors' API: one function for every request, and what each failure means, in Swedish.
import * as auth from './auth.js';
import {refusal} from './roles.js';

/** A failed request: `status` (0 for no contact), the problem's per-field `errors`, a Swedish `message`. */
export class ApiError extends Error {
    constructor(status, message, problem = null, retryAfter = null) {
        super(message);
        this.status = status;
        this.problem = problem;
        this.errors = problem?.errors || [];
        this.retryAfter = retryAfter;
    }
}

let onSignedOut = () => {};

/** What to do when the editor turns out to be signed out (a 401 that a refresh cannot mend). */
export function whenSignedOut(handler) {
    onSignedOut = handler;
}

/**
 * Sends a request; answers {status, etag, data} (JSON parsed, HTML as text) or throws ApiError.
 * Options: body (sent as JSON), etag (If-Match), idempotencyKey, signal (AbortController's).
 */
export async function request(method, path, {body, etag, idempotencyKey, signal} = {}) {
    if (auth.expiresSoon()) {
        await auth.refresh();
    }
    let response = await send(method, path, {body, etag, idempotencyKey, signal});
    if (response.status === 401 && await auth.refresh()) {
        response = await send(method, path, {body, etag, idempotencyKey, signal});
    }
    if (response.status === 401) {
        auth.forget();
        onSignedOut();
    }
    const data = await read(response);
    if (!response.ok) {
        throw new ApiError(response.status, message(response, data), typeof data === 'object' ? data : null,
            response.headers.get('Retry-After'));
    }
    return {status: response.status, etag: response.headers.get('ETag'), data};
}

/**
 * A page of GET /api/articles for `params` (URLSearchParams). A title search reads at most 1,000 articles a page and
 * may answer an empty page with a cursor where it goes on; such pages are followed, so "nothing found" is said only
 * at the end. Answers {items, nextCursor, cursor}: `cursor` is the one the shown page was asked with.
 */
export async function articlePage(params) {
    let answer = await request('GET', '/api/articles?' + params);
    while (!answer.data.items.length && answer.data.nextCursor) {
        params.set('cursor', answer.data.nextCursor);
        answer = await request('GET', '/api/articles?' + params);
    }
    return {...answer.data, cursor: params.get('cursor')};
}

async function send(method, path, {body, etag, idempotencyKey, signal}) {
    const headers = {Accept: 'application/json, text/html;q=0.9'};
    const token = auth.idToken();
    if (token) {
        headers.Authorization = 'Bearer ' + token;
    }
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    if (etag) {
        headers['If-Match'] = etag;
    }
    if (idempotencyKey) {
        headers['Idempotency-Key'] = idempotencyKey;
    }
    try {
        return await fetch(path, {method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (e) {
        if (e.name === 'AbortError') {
            throw e;
        }
        throw new ApiError(0, 'Ingen kontakt med servern. Din text finns kvar – försök igen.');
    }
}

async function read(response) {
    const type = response.headers.get('Content-Type') || '';
    try {
        if (type.includes('json')) {
            return await response.json();
        }
        return await response.text();
    } catch {
        return null;
    }
}

/** The Swedish sentence for a failed answer. */
function message(response, problem) {
    const detail = typeof problem === 'object' && problem?.detail ? ' (' + problem.detail + ')' : '';
    switch (response.status) {
        case 400: return 'Servern kunde inte ta emot begäran' + detail + '. Din text finns kvar.';
        case 401: return 'Du är utloggad. Logga in igen – din text finns kvar.';
        case 403: return refusal(problem) ?? 'Ditt konto får inte göra det här i redaktionen.';
        case 404: return 'Det finns inte längre – någon kan ha raderat det.';
        case 409: return 'Det krockar med något som redan finns' + detail + '.';
        case 412: return 'Någon annan har ändrat det medan du arbetade. Ladda om och försök igen.';
        case 413: return 'Texten är för stor för att sparas. Korta den och försök igen.';
        case 422: return 'Några fält behöver rättas. Se markeringarna nedan.';
        case 428: return 'Artikeln kunde inte sparas utan versionsuppgift. Ladda om och försök igen.';
        case 429: {
            const seconds = response.headers.get('Retry-After');
            return 'För många förfrågningar just nu. Försök igen' + (seconds ? ` om ${seconds} sekunder.` : ' snart.');
        }
        case 503: return 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.';
        default: return `Något gick fel hos servern (fel ${response.status}). Din text finns kvar – försök igen.`;
    }
}

const FIELD_MESSAGES = [
    [/^is required to publish or schedule/, 'Skriv en brödtext innan artikeln publiceras eller schemaläggs.'],
    [/^is required when status is scheduled/, 'Välj när artikeln ska publiceras.'],
    [/^must be in the future/, 'Tiden måste ligga i framtiden.'],
    [/^is required|^must not be empty/, 'Fältet måste fyllas i.'],
    [/^must contain a visible character/, 'Skriv minst ett synligt tecken.'],
    [/^must be at most (\d+) characters(?: \(it has (\d+))?/,
        (m) => m[2] ? `Högst ${m[1]} tecken (nu ${m[2]}).` : `Högst ${m[1]} tecken.`],
    [/^must be at most (\d+) years ahead/, (m) => `Högst ${m[1]} år fram i tiden.`],
    [/^must be at most (\d+) bytes/, (m) => `Texten är för lång: högst ${m[1]} byte.`],
    [/^must be at most (\d+) \(it has (\d+)/, (m) => `Högst ${m[1]} stycken (nu ${m[2]}).`],
    [/^must be lower-case letters.*e\.g\. '([^']+)'/,
        (m) => `Använd bara små bokstäver a–z, siffror och enkla bindestreck, till exempel ”${m[1]}”.`],
    [/^must be lower-case letters/, 'Använd bara små bokstäver a–z, siffror och enkla bindestreck.'],
    [/^'(.+)' is used by another article/,
        (m) => `Adressen ”${m[1]}” används redan av en annan artikel. Välj en annan.`],
    [/^must be an ISO-8601 date/, 'Skriv datum och tid, till exempel 2026-05-04 10.00.'],
    [/is not an article id$/, 'Artikeln finns inte.'],
    [/does not name a picture/, 'En bild i texten finns inte i bildbiblioteket. Infoga bilder med knappen Bild.'],
    [/^there is no picture/, 'Bilden finns inte längre i bildbiblioteket. Välj en annan.'],
    [/^an article may use at most (\d+) pictures/,
        (m) => `Högst ${m[1]} bilder i en artikel, huvudbilden medräknad.`],
    [/^an article cannot be related to itself/, 'Artikeln kan inte hänvisa till sig själv.'],
    [/^there is no article/, 'Artikeln finns inte längre.'],
    [/is listed twice/, 'Samma artikel finns två gånger.'],
    [/^cannot be in the future/, 'Publiceringstiden kan inte ligga i framtiden – använd Schemalägg.'],
    [/^must be on or after (\S+)/, (m) => `Tiden måste vara ${m[1].slice(0, 10)} eller senare.`],
    [/published before and after|only .*published|requires? .*published/,
        'En rättelse kan bara göras i en artikel som är publicerad och förblir publicerad.'],
];

/** A field problem in Swedish; an unknown one is shown as the server wrote it. */
export function fieldMessage(text) {
    for (const [pattern, swedish] of FIELD_MESSAGES) {
        const m = pattern.exec(text || '');
        if (m) {
            return typeof swedish === 'function' ? swedish(m) : swedish;
        }
    }
    return text;
}
