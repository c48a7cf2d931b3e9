// The log (issue 17, admins): who did what, newest first, for one article or for one editor. The log is append-only;
// here it is only read.
import {request} from './api.js';
import * as auth from './auth.js';
import {swedishDateTime} from './dates.js';
import {can, reason} from './roles.js';
import {el, replace} from './ui.js';

/** What an entry's action was, in Swedish (past tense: "Publicerade"). */
const ACTIONS = {
    create: 'Skapade artikeln', edit: 'Ändrade artikeln', submit: 'Skickade för granskning',
    publish: 'Publicerade', schedule: 'Schemalade', unpublish: 'Avpublicerade', delete: 'Raderade artikeln',
    restore: 'Återställde en version', correct: 'Publicerade en rättelse', approve: 'Godkände en kommentar',
    reject: 'Avvisade en kommentar', spam: 'Markerade en kommentar som skräppost',
    'delete-comment': 'Raderade en kommentar', reply: 'Svarade som Redaktionen',
    erase: 'Raderade kommentarer från en e-postadress',
};

/**
 * The log of `articleId` or of the editor `editor` (their sub); with neither, a form to choose an editor. Only for
 * admins: others are told so instead of being sent to a refusal.
 */
export async function auditView(main, {articleId = null, editor = null} = {}) {
    if (!can('admins')) {
        replace(main, el('h1', {}, 'Logg'), el('p', {class: 'notice'}, reason('admins', 'läsa loggen')));
        return {};
    }
    if (!articleId && !editor) {
        return chooseEditor(main);
    }
    let title = null;
    if (articleId) {
        try {
            title = (await request('GET', `/api/articles/${encodeURIComponent(articleId)}`)).data.title;
        } catch {
            // A deleted article's log stays readable; it is named by its id.
        }
    }
    const heading = el('h1', {}, articleId ? `Logg för ”${title ?? articleId}”` : 'Logg för en redaktör');
    const log = auditLog({articleId, editor}, first => {
        if (editor && first?.editorName) {
            heading.textContent = `Logg för ${first.editorName}`;
        }
    });
    replace(main,
        el('p', {class: 'crumbs'}, articleId ? el('a', {href: `#/artiklar/${encodeURIComponent(articleId)}`},
            'Tillbaka till artikeln') : el('a', {href: '#/logg'}, 'Välj en annan redaktör')),
        heading,
        el('p', {class: 'hint'}, 'Vem som gjorde vad, nyaste först. Loggen kan inte ändras. Vid radering av '
            + 'kommentarer från en adress sparas bara antalet, aldrig adressen.'),
        log.element);
    await log.load();
    return {};
}

/**
 * The table of log entries of `articleId` or of `editor`, newest first, with "Visa äldre händelser" while there are
 * more: {element, load()}. `onFirst(entry)` hears of the first entry (an editor's view is named by it).
 */
export function auditLog({articleId = null, editor = null}, onFirst = () => {}) {
    const rows = el('tbody');
    const more = el('div', {class: 'paging'});
    const results = el('div', {class: 'results', 'aria-busy': 'true'});
    const titles = new Map();

    async function load(cursor) {
        results.setAttribute('aria-busy', 'true');
        const params = new URLSearchParams(articleId ? {articleId} : {editor});
        params.set('limit', '50');
        if (cursor) {
            params.set('cursor', cursor);
        }
        try {
            const {data} = await request('GET', '/api/audit?' + params);
            if (!rows.children.length) {
                onFirst(data.items[0]);
            }
            rows.append(...data.items.map(row));
            nameArticles();
            replace(more, data.nextCursor ? el('button', {type: 'button', class: 'secondary',
                onclick: () => load(data.nextCursor)}, 'Visa äldre händelser') : null);
            if (!rows.children.length) {
                replace(results, el('p', {class: 'empty'}, 'Loggen är tom.'));
            }
        } catch (e) {
            replace(more, el('p', {class: 'form-message', role: 'alert'}, 'Loggen kunde inte hämtas. ', e.message));
        } finally {
            results.setAttribute('aria-busy', 'false');
        }
    }

    function row(entry) {
        const who = entry.editorName || entry.editor || 'okänd';
        return el('tr', {},
            el('td', {'data-label': 'Tid'}, swedishDateTime(entry.at)),
            el('td', {'data-label': 'Redaktör'}, editor || !entry.editor ? who
                : el('a', {href: '#/logg/' + encodeURIComponent(entry.editor)}, who)),
            el('td', {'data-label': 'Händelse'}, ACTIONS[entry.action] ?? entry.action),
            articleId ? null : el('td', {'data-label': 'Artikel'}, entry.articleId
                ? el('a', {href: `#/artiklar/${encodeURIComponent(entry.articleId)}/logg`,
                    'data-article': entry.articleId}, titles.get(entry.articleId) ?? entry.articleId) : '–'),
            el('td', {'data-label': 'Detaljer'}, details(entry)));
    }

    /** Puts each article's title in place of its id, once per article; a deleted one says so. */
    async function nameArticles() {
        const links = [...rows.querySelectorAll('a[data-article]')];
        const ids = [...new Set(links.map(a => a.dataset.article))].filter(id => !titles.has(id));
        await Promise.all(ids.map(async id => {
            try {
                titles.set(id, (await request('GET', `/api/articles/${encodeURIComponent(id)}`)).data.title);
            } catch (e) {
                titles.set(id, e.status === 404 ? `Raderad artikel (${id})` : id);
            }
        }));
        for (const link of links) {
            link.textContent = titles.get(link.dataset.article) ?? link.dataset.article;
        }
    }

    const columns = ['Tid', 'Redaktör', 'Händelse', articleId ? null : 'Artikel', 'Detaljer'].filter(Boolean);
    replace(results, el('table', {class: 'list'},
        el('caption', {class: 'vh'}, 'Händelser, nyaste först'),
        el('thead', {}, el('tr', {}, columns.map(h => el('th', {scope: 'col'}, h)))),
        rows), more);
    return {element: results, load: () => load(null)};
}

function details(entry) {
    const parts = [];
    if (entry.version !== undefined && entry.version !== null) {
        parts.push(`version ${entry.version}`);
    }
    if (entry.commentId) {
        parts.push(`kommentar ${entry.commentId}`);
    }
    if (entry.count !== undefined && entry.count !== null) {
        parts.push(entry.count === 1 ? '1 kommentar' : `${entry.count} kommentarer`);
    }
    return parts.join(', ') || '–';
}

/** The log's start: one's own log, or an editor's by their id (the log's "Redaktör" links lead here too). */
function chooseEditor(main) {
    const input = el('input', {type: 'text', id: 'audit-editor', autocomplete: 'off', spellcheck: 'false',
        'aria-describedby': 'audit-editor-hint'});
    const me = auth.claims()?.sub;
    replace(main,
        el('h1', {}, 'Logg'),
        el('p', {}, 'Loggen visar vem som gjorde vad: skapade, ändrade, publicerade, raderade, modererade. En artikels '
            + 'logg når du från artikeln (länken ”Logg”).'),
        me ? el('p', {}, el('a', {href: '#/logg/' + encodeURIComponent(me)}, 'Min egen logg')) : null,
        el('form', {class: 'erase', onsubmit: event => {
            event.preventDefault();
            const sub = input.value.trim();
            if (sub) {
                location.hash = '#/logg/' + encodeURIComponent(sub);
            }
        }},
        el('h2', {}, 'En redaktörs logg'),
        el('div', {class: 'field'}, el('label', {for: 'audit-editor'}, 'Redaktörens id'),
            el('p', {class: 'hint', id: 'audit-editor-hint'}, 'Användarens id (sub) i Cognito.'), input),
        el('button', {class: 'primary'}, 'Visa loggen')));
    return {};
}
