// The editor's roles, read from the ID token's cognito:groups, as the functions check them (issue 17): writers
// draft and submit for review, publishers publish, moderators moderate, admins do everything. The desk only hides
// or disables what the API would refuse anyway; the API decides.
import * as auth from './auth.js';

/** The four roles: their group, their Swedish name, and "Bara … kan" for a reason beside a disabled control. */
export const ROLES = {
    writers: {name: 'Skribent', only: 'Bara skribenter'},
    publishers: {name: 'Publicerare', only: 'Bara publicerare'},
    moderators: {name: 'Moderator', only: 'Bara moderatorer'},
    admins: {name: 'Administratör', only: 'Bara administratörer'},
};

/** What each group gives: admins all; a publisher what a writer may; the old all-round `editors` three roles. */
const GIVES = {
    writers: ['writers'],
    publishers: ['writers', 'publishers'],
    moderators: ['moderators'],
    admins: ['writers', 'publishers', 'moderators', 'admins'],
    editors: ['writers', 'publishers', 'moderators'],
};

/**
 * The roles the signed-in editor has, or null when the token cannot be read (not a JWT): then nothing is hidden and
 * the API's answer says what is refused.
 */
export function roles() {
    const claims = auth.claims();
    if (!claims) {
        return null;
    }
    // A member of no group has no claim at all: no role.
    return new Set(groupList(claims['cognito:groups'] ?? []).flatMap(g => GIVES[g] ?? []));
}

/** The claim as a list: Cognito sends an array; an authorizer passing claims on may make it "[a b]". */
function groupList(groups) {
    return Array.isArray(groups) ? groups : String(groups).replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

/** Whether the editor has `role` (a group name: 'writers', 'publishers', 'moderators', 'admins'). */
export function can(role) {
    const mine = roles();
    return mine === null || mine.has(role);
}

/**
 * The editor's groups in Swedish for the header: "Skribent", "Administratör"; the old all-round group as the three
 * roles it gives. Empty when unknown.
 */
export function roleNames() {
    const groups = auth.claims()?.['cognito:groups'];
    if (!groups) {
        return '';
    }
    const names = groupList(groups).flatMap(g => g === 'editors' ? ['writers', 'publishers', 'moderators'] : [g])
        .filter(g => ROLES[g]).map(g => ROLES[g].name);
    return [...new Set(names)].join(', ');
}

/** The short reason beside a disabled control: reason('publishers', 'publicera') → "Bara publicerare kan publicera." */
export function reason(role, verb) {
    return `${ROLES[role]?.only ?? 'Bara den med rätt roll'} kan ${verb}.`;
}

/** A 403 problem's `requiredRole` as a Swedish sentence; null when the problem names none. */
export function refusal(problem) {
    const role = problem?.requiredRole;
    if (!role) {
        return null;
    }
    const name = ROLES[role]?.name ?? role;
    return `Det här kräver rollen ${name} (gruppen ${role}), som ditt konto inte har. `
        + 'Be en administratör om rollen, eller be någon som har den.';
}
