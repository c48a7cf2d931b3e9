// The desk's shell: sign-in, the header, the hash routes, leaving with unsaved changes, and a message instead of
// a blank screen when anything fails.
import * as api from './api.js';
import {articlesView, reviewView} from './articles.js';
import {auditView} from './audit.js';
import * as auth from './auth.js';
import {commentsView} from './comments.js';
import {editorView} from './editor.js';
import {privacyView} from './privacy.js';
import {can, roleNames} from './roles.js';
import {announce, confirmDialog, el, focusHeading, replace} from './ui.js';
import {versionView, versionsView} from './versions.js';

const main = document.getElementById('main');
const header = document.getElementById('top');
let current = null;
let currentHash = '';

window.addEventListener('error', () => trouble());
window.addEventListener('unhandledrejection', event => {
    if (event.reason?.name !== 'AbortError') {
        trouble();
    }
});

function trouble() {
    announce('Något gick fel i redaktionen. Din text finns kvar i webbläsaren – ladda om sidan om något inte '
        + 'fungerar.', 'error');
}

async function boot() {
    try {
        await auth.loadConfig();
        // Puts the route the editor signed in from back into the address (without a hashchange).
        await auth.completeSignIn();
    } catch (e) {
        signInScreen(e.message);
        return;
    }
    api.whenSignedOut(() => signInScreen('Du är utloggad. Logga in igen – din text finns kvar.'));
    if (!auth.signedIn() && !(await auth.refresh())) {
        signInScreen();
        return;
    }
    auth.scheduleRefresh();
    startDesk();
}

function signInScreen(message) {
    current?.leave?.();
    current = null;
    header.hidden = true;
    replace(main,
        el('div', {class: 'signin'},
            el('h1', {}, 'Redaktionen'),
            el('p', {}, 'Här skriver och publicerar du nyheter och granskar läsarnas kommentarer.'),
            message ? el('p', {class: 'form-message', role: 'alert'}, message) : null,
            auth.isLocal() ? el('p', {class: 'notice'}, 'Lokal utveckling: inloggningen sker på den här datorn, '
                + 'utan riktiga konton.') : null,
            el('button', {type: 'button', class: 'primary', onclick: () => auth.signIn(location.hash || '#/artiklar')},
                'Logga in')));
    focusHeading(main);
}

function startDesk() {
    header.hidden = false;
    const roles = roleNames();
    replace(document.getElementById('who'), auth.editorName() || 'Redaktör',
        roles ? el('span', {class: 'roles'}, ` (${roles})`) : null);
    // What the editor's roles do not reach is left out of the menu (the API would refuse it anyway).
    for (const item of header.querySelectorAll('nav [data-role]')) {
        item.hidden = !can(item.dataset.role);
    }
    document.getElementById('logout').addEventListener('click', signOut);
    document.querySelector('.skip').addEventListener('click', event => {
        event.preventDefault();
        main.focus();
    });
    window.addEventListener('hashchange', route);
    if (!location.hash.startsWith('#/')) {
        history.replaceState(null, '', '#/artiklar');
    }
    route();
}

async function signOut() {
    if (current?.dirty?.() && !await confirmDialog({title: 'Logga ut?', confirm: 'Logga ut', cancel: 'Avbryt',
        text: 'Du har osparade ändringar. De finns kvar i den här webbläsaren tills du öppnar artikeln igen.'})) {
        return;
    }
    current?.leave?.();
    auth.signOut();
}

async function route() {
    const hash = location.hash;
    if (!hash.startsWith('#/')) {
        // In-page links (the skip link, an error summary's) are not routes.
        return;
    }
    if (current?.dirty?.()) {
        const leave = await confirmDialog({title: 'Lämna artikeln utan att spara?', confirm: 'Lämna utan att spara',
            cancel: 'Stanna kvar', text: 'Dina ändringar är inte sparade. De finns kvar i den här webbläsaren och '
                + 'kommer tillbaka nästa gång du öppnar artikeln.'});
        if (!leave) {
            history.replaceState(null, '', currentHash);
            return;
        }
    }
    current?.leave?.();
    currentHash = hash;
    markNavigation(hash);
    current = await show(hash.slice(2).split('/').map(decodeURIComponent));
    if (!main.contains(document.activeElement) || document.activeElement === main) {
        focusHeading(main);
    }
}

function show([section, id, part, which]) {
    if (section === 'artiklar' && !id) {
        document.title = 'Artiklar – Redaktionen';
        return articlesView(main);
    }
    if (section === 'artiklar' && part === 'versioner' && which) {
        document.title = `Version ${which} – Redaktionen`;
        return versionView(main, id, which);
    }
    if (section === 'artiklar' && part === 'versioner') {
        document.title = 'Versioner – Redaktionen';
        return versionsView(main, id);
    }
    if (section === 'artiklar' && part === 'logg') {
        document.title = 'Artikelns logg – Redaktionen';
        return auditView(main, {articleId: id});
    }
    if (section === 'granska') {
        document.title = 'Att granska – Redaktionen';
        return reviewView(main);
    }
    if (section === 'logg') {
        document.title = 'Logg – Redaktionen';
        return auditView(main, {editor: id ?? null});
    }
    if (section === 'integritet') {
        document.title = 'Integritetstext – Redaktionen';
        return privacyView(main);
    }
    if (section === 'artiklar') {
        document.title = (id === 'ny' ? 'Ny artikel' : 'Redigera artikel') + ' – Redaktionen';
        return editorView(main, id === 'ny' ? null : id);
    }
    if (section === 'kommentarer') {
        document.title = 'Kommentarer – Redaktionen';
        return commentsView(main);
    }
    document.title = 'Sidan finns inte – Redaktionen';
    replace(main, el('h1', {}, 'Sidan finns inte'), el('p', {}, el('a', {href: '#/artiklar'}, 'Till artiklarna')));
    return null;
}

function markNavigation(hash) {
    for (const link of header.querySelectorAll('nav a')) {
        const here = hash.startsWith(link.getAttribute('href'));
        if (here) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
}

boot();
