// Sign-in: OAuth 2.0 authorization code with PKCE (S256) against Cognito's managed login, or the local runner's
// stand-in at the same paths. Tokens live in sessionStorage (never a cookie), and are refreshed a minute before
// they expire. The desk sends the ID token, which carries the editor's cognito:groups.

const TOKENS = 'desk.tokens';
const PENDING = 'desk.signin';
const REFRESH_EARLY_MS = 60_000;

let config;
let refreshTimer;
let refreshing;

/** Reads /redaktion/config.json (written by render's rebuild). */
export async function loadConfig() {
    const response = await fetch('/redaktion/config.json', {cache: 'no-cache'});
    if (!response.ok) {
        throw new Error('Redaktionens inställningar kunde inte läsas (' + response.status + ').');
    }
    config = await response.json();
    return config;
}

export function isLocal() {
    return Boolean(config?.local);
}

function redirectUri() {
    return location.origin + '/redaktion/';
}

function base64url(bytes) {
    let text = '';
    for (const b of new Uint8Array(bytes)) {
        text += String.fromCharCode(b);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
    return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Sends the browser to the sign-in page; `returnTo` is the desk's route to come back to. */
export async function signIn(returnTo) {
    const verifier = randomString();
    const state = randomString();
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, returnTo}));
    const url = new URL(config.authorizeUrl, location.origin);
    url.search = new URLSearchParams({
        response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(),
        scope: 'openid email profile', state, code_challenge: challenge, code_challenge_method: 'S256',
    }).toString();
    location.assign(url.toString());
}

/**
 * After the sign-in page sends the browser back with ?code=&state=: checks the state, exchanges the code, and
 * takes the code out of the address. Returns the route to show, or throws with a Swedish message.
 */
export async function completeSignIn() {
    const params = new URLSearchParams(location.search);
    if (!params.has('code') && !params.has('error')) {
        return null;
    }
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', location.pathname + (pending?.returnTo || '#/artiklar'));
    if (params.has('error')) {
        throw new Error('Inloggningen avbröts (' + params.get('error') + '). Försök igen.');
    }
    if (!pending || pending.state !== params.get('state')) {
        throw new Error('Inloggningen kunde inte bekräftas. Försök igen.');
    }
    await tokenRequest({
        grant_type: 'authorization_code', client_id: config.clientId, code: params.get('code'),
        redirect_uri: redirectUri(), code_verifier: pending.verifier,
    });
    return pending.returnTo;
}

async function tokenRequest(form) {
    const response = await fetch(config.tokenUrl, {
        method: 'POST', body: new URLSearchParams(form),
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    });
    if (!response.ok) {
        throw new Error('Inloggningen godtogs inte. Logga in igen.');
    }
    const answer = await response.json();
    const previous = stored();
    store({
        idToken: answer.id_token,
        refreshToken: answer.refresh_token || previous?.refreshToken,
        expiresAt: Date.now() + (answer.expires_in || 3600) * 1000,
    });
}

function stored() {
    try {
        return JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
    } catch {
        return null;
    }
}

function store(tokens) {
    sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
    scheduleRefresh();
}

/** Whether there is a token that has not yet expired. */
export function signedIn() {
    const tokens = stored();
    return Boolean(tokens?.idToken) && tokens.expiresAt > Date.now();
}

/** The ID token to send, or null. */
export function idToken() {
    return signedIn() ? stored().idToken : null;
}

/** Renews the tokens with the refresh token; false when that is not possible (signed out). */
export function refresh() {
    // Several requests may find the token stale at once; they share one refresh.
    refreshing ??= (async () => {
        const tokens = stored();
        try {
            if (!tokens?.refreshToken) {
                return false;
            }
            await tokenRequest({grant_type: 'refresh_token', client_id: config.clientId,
                refresh_token: tokens.refreshToken});
            return true;
        } catch {
            return false;
        } finally {
            refreshing = null;
        }
    })();
    return refreshing;
}

/** Keeps the token fresh: renews it a minute before it expires. */
export function scheduleRefresh() {
    clearTimeout(refreshTimer);
    const tokens = stored();
    if (!tokens) {
        return;
    }
    const wait = Math.max(0, tokens.expiresAt - Date.now() - REFRESH_EARLY_MS);
    refreshTimer = setTimeout(refresh, Math.min(wait, 2 ** 31 - 1));
}

/** Whether the token runs out within the minute (so a request should refresh it first). */
export function expiresSoon() {
    const tokens = stored();
    return Boolean(tokens) && tokens.expiresAt - Date.now() < REFRESH_EARLY_MS;
}

/** Forgets the tokens (the text in the browser's draft store stays) and signs out at the sign-in service. */
export function signOut() {
    clearTimeout(refreshTimer);
    sessionStorage.clear();
    const url = new URL(config.logoutUrl, location.origin);
    url.search = new URLSearchParams({client_id: config.clientId, logout_uri: redirectUri()}).toString();
    location.assign(url.toString());
}

/** Forgets the tokens without leaving (a 401 that a refresh could not mend). */
export function forget() {
    clearTimeout(refreshTimer);
    sessionStorage.removeItem(TOKENS);
}

/**
 * The ID token's claims (its payload, decoded), or null when there is none or it is not a JWT. The local runner's
 * token is not a JWT: its stand-in sign-in hands out the runner's editor token (the old all-round group `editors`)
 * or that token with `.<group>` after it for one role's member, so locally the groups are read from that.
 */
export function claims() {
    const token = stored()?.idToken;
    if (!token) {
        return null;
    }
    if (isLocal() && token.split('.').length !== 3) {
        const group = /\.(writers|publishers|moderators|admins)$/.exec(token)?.[1] ?? 'editors';
        return {'cognito:groups': [group]};
    }
    try {
        const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const bytes = Uint8Array.from(atob(payload), c => c.charCodeAt(0));
        return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
        return null;
    }
}

/** The editor's name from the ID token: name, else email, else user name. */
export function editorName() {
    const c = claims();
    return c?.name || c?.email || c?.['cognito:username'] || '';
}
