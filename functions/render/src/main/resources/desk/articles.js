// The list of articles: status filter, title search, paging with the API's cursor; and the publishers' review queue
// (articles submitted for review), each publishable from the queue.
import {articlePage, request} from './api.js';
import {statusText, swedishDateTime} from './dates.js';
import {can, reason} from './roles.js';
import {announce, confirmDialog, debounce, el, replace} from './ui.js';

const PAGE_SIZE = 20;
const FILTERS = [['', 'Alla'], ['draft', 'Utkast'], ['review', 'Granskas'], ['scheduled', 'Schemalagda'],
    ['published', 'Publicerade']];

// Kept while the desk is open, so coming back from an article shows the same list.
const state = {status: '', q: '', cursors: [], cursor: null};
// Which load is the latest: an older answer (a search typed over) is not shown over a newer one.
let loads = 0;

export function articlesView(main) {
    const results = el('div', {class: 'results', 'aria-live': 'polite', 'aria-busy': 'true'});
    const search = el('input', {type: 'search', id: 'q', value: state.q, autocomplete: 'off',
        oninput: debounce(() => {
            state.q = search.value.trim();
            restart();
        }, 300)});
    const filters = el('fieldset', {class: 'filters'}, el('legend', {}, 'Visa'),
        FILTERS.map(([value, label]) => el('label', {class: 'radio'},
            el('input', {type: 'radio', name: 'status', value, checked: state.status === value,
                onchange: () => {
                    state.status = value;
                    restart();
                }}), label)));

    function restart() {
        state.cursors = [];
        state.cursor = null;
        load();
    }

    async function load() {
        const mine = ++loads;
        results.setAttribute('aria-busy', 'true');
        const params = new URLSearchParams({limit: String(PAGE_SIZE)});
        if (state.status) {
            params.set('status', state.status);
        }
        if (state.q) {
            params.set('q', state.q);
        }
        if (state.cursor) {
            params.set('cursor', state.cursor);
        }
        try {
            const page = await articlePage(params);
            if (mine === loads) {
                state.cursor = page.cursor;
                show(page);
            }
        } catch (e) {
            if (mine === loads) {
                replace(results, el('p', {class: 'form-message', role: 'alert'}, 'Listan kunde inte hämtas. ',
                    e.message));
            }
        } finally {
            if (mine === loads) {
                results.setAttribute('aria-busy', 'false');
            }
        }
    }

    function show({items, nextCursor}) {
        const paging = !state.cursors.length && !nextCursor ? null : el('div', {class: 'paging'},
            el('button', {type: 'button', class: 'secondary', disabled: !state.cursors.length, onclick: () => {
                state.cursor = state.cursors.pop();
                load();
            }}, 'Föregående'),
            el('button', {type: 'button', class: 'secondary', disabled: !nextCursor, onclick: () => {
                state.cursors.push(state.cursor);
                state.cursor = nextCursor;
                load();
            }}, 'Nästa'));
        if (!items.length) {
            replace(results, el('p', {class: 'empty'}, emptyText()), paging);
            return;
        }
        replace(results, el('table', {class: 'list'},
            el('caption', {class: 'vh'}, 'Artiklar, senast ändrade först'),
            el('thead', {}, el('tr', {}, ['Rubrik', 'Status', 'Kategorier', 'Ändrad']
                .map(h => el('th', {scope: 'col'}, h)))),
            el('tbody', {}, items.map(row))), paging);
    }

    replace(main,
        el('div', {class: 'view-head'}, el('h1', {}, 'Artiklar'),
            can('writers') ? el('a', {href: '#/artiklar/ny', class: 'button primary'}, 'Ny artikel')
                : el('p', {class: 'hint'}, 'Bara skribenter och publicerare kan skriva nya artiklar.')),
        el('div', {class: 'list-controls'}, filters,
            el('div', {class: 'field'}, el('label', {for: 'q'}, 'Sök på rubrik'), search)),
        results);
    load();
    return {};
}

function emptyText() {
    if (state.q) {
        return `Ingen artikel har ”${state.q}” i rubriken.`;
    }
    return {
        '': 'Det finns inga artiklar än. Skriv den första med ”Ny artikel”.',
        draft: 'Det finns inga utkast.',
        review: 'Inga artiklar väntar på granskning.',
        scheduled: 'Inga artiklar är schemalagda.',
        published: 'Inga artiklar är publicerade än.',
    }[state.status];
}

function row(a) {
    return el('tr', {},
        el('th', {scope: 'row', 'data-label': 'Rubrik'},
            el('a', {href: '#/artiklar/' + encodeURIComponent(a.id)}, a.title)),
        el('td', {'data-label': 'Status'}, statusText(a)),
        el('td', {'data-label': 'Kategorier'}, a.categories.join(', ') || '–'),
        el('td', {'data-label': 'Ändrad'}, swedishDateTime(a.updatedAt)));
}

/**
 * The review queue: what writers submitted for review ("Granskas"), oldest change last as the API lists them. A
 * publisher opens one to read it, or publishes it from here after a confirmation naming it; others see why not.
 */
export function reviewView(main) {
    const results = el('div', {class: 'results', 'aria-busy': 'true'});
    const outcome = el('p', {class: 'form-message', role: 'alert'});
    const publisher = can('publishers');
    let cursors = [];
    let cursor = null;

    async function load() {
        results.setAttribute('aria-busy', 'true');
        const params = new URLSearchParams({status: 'review', limit: String(PAGE_SIZE)});
        if (cursor) {
            params.set('cursor', cursor);
        }
        try {
            show(await articlePage(params));
        } catch (e) {
            replace(results, el('p', {class: 'form-message', role: 'alert'}, 'Listan kunde inte hämtas. ', e.message));
        } finally {
            results.setAttribute('aria-busy', 'false');
        }
    }

    function show({items, nextCursor}) {
        const paging = !cursors.length && !nextCursor ? null : el('div', {class: 'paging'},
            el('button', {type: 'button', class: 'secondary', disabled: !cursors.length, onclick: () => {
                cursor = cursors.pop();
                load();
            }}, 'Föregående'),
            el('button', {type: 'button', class: 'secondary', disabled: !nextCursor, onclick: () => {
                cursors.push(cursor);
                cursor = nextCursor;
                load();
            }}, 'Nästa'));
        if (!items.length) {
            replace(results, el('p', {class: 'empty'}, 'Inga artiklar väntar på granskning.'), paging);
            return;
        }
        replace(results, el('table', {class: 'list'},
            el('caption', {class: 'vh'}, 'Artiklar som väntar på granskning'),
            el('thead', {}, el('tr', {}, ['Rubrik', 'Kategorier', 'Skickad', 'Åtgärd']
                .map(h => el('th', {scope: 'col'}, h)))),
            el('tbody', {}, items.map(a => el('tr', {},
                el('th', {scope: 'row', 'data-label': 'Rubrik'},
                    el('a', {href: '#/artiklar/' + encodeURIComponent(a.id)}, a.title)),
                el('td', {'data-label': 'Kategorier'}, a.categories.join(', ') || '–'),
                el('td', {'data-label': 'Skickad'}, swedishDateTime(a.updatedAt)),
                el('td', {'data-label': 'Åtgärd'}, el('button', {type: 'button', class: 'primary',
                    disabled: !publisher, 'aria-describedby': publisher ? null : 'review-why',
                    onclick: () => publish(a)}, 'Publicera', el('span', {class: 'vh'}, ' ' + a.title))))))),
        paging);
    }

    /** Publishes the article as it was submitted: its saved fields, status published, with its version. */
    async function publish(listed) {
        const sure = await confirmDialog({title: `Publicera ”${listed.title}”?`, confirm: 'Publicera',
            text: 'Artikeln publiceras som den skickades för granskning och syns på webbplatsen inom några sekunder.'});
        if (!sure) {
            return;
        }
        replace(outcome);
        try {
            const {data: a} = await request('GET', `/api/articles/${encodeURIComponent(listed.id)}`);
            const body = {title: a.title, summary: a.summary, body: a.body ?? '', categories: a.categories,
                related: a.related, commentsOpen: a.commentsOpen, author: a.author, slug: a.slug,
                status: 'published'};
            if (a.image) {
                body.image = a.image;
            }
            await request('PUT', `/api/articles/${encodeURIComponent(a.id)}`, {body, etag: `"${a.version}"`});
            announce(`”${a.title}” är publicerad.`);
        } catch (e) {
            replace(outcome, `”${listed.title}” kunde inte publiceras. `, e.message);
        }
        await load();
        // The row and its button are gone: the keyboard starts again from the heading.
        main.querySelector('h1')?.focus();
    }

    replace(main,
        el('h1', {}, 'Att granska'),
        el('p', {class: 'hint'}, 'Artiklar som skribenter har skickat för granskning. Öppna en för att läsa och '
            + 'ändra den, eller publicera den direkt.'),
        publisher ? null : el('p', {class: 'notice', id: 'review-why'}, reason('publishers', 'publicera')),
        outcome, results);
    load();
    return {};
}
