// The list of articles: status filter, title search, paging with the API's cursor.
import {articlePage} from './api.js';
import {statusText, swedishDateTime} from './dates.js';
import {debounce, el, replace} from './ui.js';

const PAGE_SIZE = 20;
const FILTERS = [['', 'Alla'], ['draft', 'Utkast'], ['scheduled', 'Schemalagda'], ['published', 'Publicerade']];

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
            el('a', {href: '#/artiklar/ny', class: 'button primary'}, 'Ny artikel')),
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
